using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Application;

/// <summary>An observation as stored: the domain value plus whether (and by what) it was superseded.</summary>
public sealed record StoredObservation(Observation Observation, Guid? SupersededBy, long Seq);
