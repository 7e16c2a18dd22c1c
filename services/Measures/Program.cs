using Safeguarding.Measures;
using Safeguarding.Platform.Hosting;

// The measures service alone (a container); the embedded runner hosts MeasuresModule beside the others.
var app = ServiceHost.Build<MeasuresModule>(args);
await app.RunAsync();
