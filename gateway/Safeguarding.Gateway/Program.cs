using Safeguarding.Gateway;
using Safeguarding.Platform.Hosting;

var app = ServiceHost.Build<GatewayModule>(args);
await app.RunAsync();
