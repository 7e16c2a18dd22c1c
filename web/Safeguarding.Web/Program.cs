using Safeguarding.Platform.Hosting;
using Safeguarding.Web;

// Defaults (endpoints, telemetry, health), then the web application: see WebModule.
var app = ServiceHost.Build<WebModule>(args);
await app.RunAsync();
