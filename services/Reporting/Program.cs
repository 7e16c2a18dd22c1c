using Safeguarding.Platform.Hosting;
using Safeguarding.Reporting;

// Defaults (endpoints, telemetry, health), then the reporting module: see ReportingModule and ReportingExtensions.
var app = ServiceHost.Build<ReportingModule>(args);
await app.RunAsync();
