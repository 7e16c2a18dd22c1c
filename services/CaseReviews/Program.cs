using Safeguarding.CaseReviews;
using Safeguarding.Platform.Hosting;

// The case reviews service alone (a container); the embedded runner hosts CaseReviewsModule beside the others.
var app = ServiceHost.Build<CaseReviewsModule>(args);
await app.RunAsync();
