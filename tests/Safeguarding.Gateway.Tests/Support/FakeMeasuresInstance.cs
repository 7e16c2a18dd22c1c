using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Safeguarding.Measures.V1;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>
/// A measures instance for fan-out tests: answers GetMeasure and ListObservations from canned figures
/// per organisation (hand-framed gRPC over h2c, so it does not depend on the rest of the measures API).
/// It can be slowed (answers only when the caller gives up) or stopped.
/// </summary>
public sealed class FakeMeasuresInstance : IAsyncDisposable
{
    public const string SignOffDataset = "london-common";
    private const string Service = "/safeguarding.measures.v1.MeasuresService/";
    private readonly WebApplication _app;
    private readonly Dictionary<string, Figures> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ReturnState State, bool HeldBack)> _signOffs = new(StringComparer.Ordinal);
    private bool _stopped;

    private FakeMeasuresInstance(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Every call waits until the caller cancels it.</summary>
    public bool Slow { get; set; }

    /// <summary>The calls received: target organisation, and the user of the bearer token the gateway passed on.</summary>
    public List<(string Target, string User)> Calls { get; } = [];

    public static async Task<FakeMeasuresInstance> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var instance = new FakeMeasuresInstance(app);
        app.MapPost(Service + "GetMeasure", (RequestDelegate)instance.GetMeasureAsync);
        app.MapPost(Service + "ListObservations", (RequestDelegate)instance.ListObservationsAsync);
        await app.StartAsync();
        instance.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return instance;
    }

    /// <summary>An organisation defines the measure (with this meaning) and reports these figures by period code.</summary>
    public FakeMeasuresInstance Add(string organisation, MeasureUnit unit, IReadOnlyDictionary<string, ObservationValue> byPeriod, string meaningHash = "meaning-1")
    {
        _figures[organisation] = new Figures(unit, meaningHash, byPeriod);
        return this;
    }

    /// <summary>
    /// The organisation's figures are under a dataset's return in this state (issue 17); held back ones are not listed
    /// but said to be there, as the measures service does for a caller outside the organisation before sign-off.
    /// </summary>
    public FakeMeasuresInstance SignOff(string organisation, ReturnState state, bool heldBack)
    {
        _signOffs[organisation] = (state, heldBack);
        return this;
    }

    public static ObservationValue Count(long amount) => new() { State = ObservationState.Value, Amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static ObservationValue Fraction(long numerator, long denominator) => new()
    {
        State = ObservationState.Value,
        Numerator = numerator.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Denominator = denominator.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    private async Task GetMeasureAsync(HttpContext http)
    {
        var request = GetMeasureRequest.Parser.ParseFrom(await ReadFrameAsync(http));
        var target = Record(http);
        if (!await WaitIfSlowAsync(http))
        {
            return;
        }

        if (!_figures.TryGetValue(target, out var figures))
        {
            await FinishAsync(http, null, status: 5);
            return;
        }

        await FinishAsync(http, new Measure
        {
            Definition = new MeasureDefinition { Id = request.MeasureId, Title = "Test measure", Unit = figures.Unit, Polarity = Polarity.HigherBetter },
            Version = 1,
            Revision = 1,
            MeaningHash = figures.MeaningHash,
        });
    }

    private async Task ListObservationsAsync(HttpContext http)
    {
        var request = ListObservationsRequest.Parser.ParseFrom(await ReadFrameAsync(http));
        var target = Record(http);
        if (!await WaitIfSlowAsync(http))
        {
            return;
        }

        var response = new ListObservationsResponse();
        foreach (var code in request.OrganisationCodes.Where(_figures.ContainsKey))
        {
            foreach (var (period, value) in _figures[code].ByPeriod)
            {
                var parts = period.Split('/')[0].Split('-');
                var periodMessage = new Period { Code = period, StartYear = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), StartMonth = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Granularity = PeriodGranularity.Quarter };
                if (_signOffs.TryGetValue(code, out var signOff))
                {
                    response.DatasetIds.Add(SignOffDataset);
                    response.Returns.Add(new FigureReturn { OrganisationCode = code, DatasetId = SignOffDataset, Period = periodMessage, State = signOff.State, HeldBack = signOff.HeldBack ? 1 : 0 });
                    if (signOff.HeldBack)
                    {
                        response.HeldBack.Add(new HeldBackFigure { OrganisationCode = code, Period = periodMessage, MeasureVersion = 1 });
                        continue;
                    }
                }

                response.Observations.Add(new Observation
                {
                    Id = $"{code}:{period}",
                    OrganisationCode = code,
                    MeasureId = request.MeasureId,
                    MeasureVersion = 1,
                    Period = periodMessage,
                    Breakdown = new Breakdown(),
                    Value = value,
                    Current = true,
                });
            }
        }

        _ = target;
        await FinishAsync(http, response);
    }

    private string Record(HttpContext http)
    {
        var target = http.Request.Headers["x-sg-target-organisation"].ToString();
        lock (Calls)
        {
            Calls.Add((target, ForwardedUser(http)));
        }

        return target;
    }

    private static string ForwardedUser(HttpContext http)
    {
        var bearer = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return bearer.StartsWith(scheme, StringComparison.Ordinal)
            ? new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ReadJsonWebToken(bearer[scheme.Length..]).Subject
            : string.Empty;
    }

    private async Task<bool> WaitIfSlowAsync(HttpContext http)
    {
        if (!Slow)
        {
            return true;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up (its deadline share ran out), as intended.
        }

        return false;
    }

    private static async Task<byte[]> ReadFrameAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4));
        return bytes.AsSpan(5, length).ToArray();
    }

    private static async Task FinishAsync(HttpContext http, IMessage? message, int status = 0)
    {
        http.Response.ContentType = "application/grpc";
        if (message is null)
        {
            http.Response.Headers["grpc-status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }

        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), payload.Length);
        payload.CopyTo(frame, 5);
        await http.Response.Body.WriteAsync(frame);
        http.Response.AppendTrailer("grpc-status", "0");
    }

    private sealed record Figures(MeasureUnit Unit, string MeaningHash, IReadOnlyDictionary<string, ObservationValue> ByPeriod);
}
