using Safeguarding.Platform.Hosting;
using Safeguarding.Surveys;

// The surveys service alone (a container); the embedded runner hosts SurveysModule beside the others.
var app = ServiceHost.Build<SurveysModule>(args);
await app.RunAsync();
