// Fan-out deadlines are part of what is tested, and spans are collected process-wide: keep this project's
// test classes from running at the same time (and competing for two cores).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
