using Safeguarding.Audits;
using Safeguarding.Platform.Hosting;

// The audits service alone (a container); the embedded runner hosts AuditsModule beside the others.
var app = ServiceHost.Build<AuditsModule>(args);
await app.RunAsync();
