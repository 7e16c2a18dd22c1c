namespace Safeguarding.Gateway.Registry;

/// <summary>A running instance of one service that one or more organisations use.</summary>
public sealed record ServiceInstance(string Name, Uri Address);
