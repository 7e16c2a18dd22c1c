using Safeguarding.Interop.TestServer;

await using var app = InteropServer.Build(InteropServer.ParsePort(args));
await app.StartAsync();
// Harnesses wait for this line before they connect (with --port 0 it names the port chosen).
Console.WriteLine($"listening on {InteropServer.BoundPort(app)}");
await app.WaitForShutdownAsync();
