namespace Safeguarding.Measures.Organisations;

/// <summary>
/// The England and London geography codes EES files use, shipped so a fresh instance can import them:
/// England, London, Inner and Outer London and the 33 London boroughs (names and inner/outer grouping
/// as in DfE's children-in-need release, shared/fixtures).
/// </summary>
internal static class ReferenceOrganisations
{
    public const string England = "E92000001";
    public const string London = "E12000007";
    public const string InnerLondon = "E13000001";
    public const string OuterLondon = "E13000002";

    private static readonly (string Code, string Name, bool Inner)[] Boroughs =
    [
        ("E09000001", "City of London", true),
        ("E09000002", "Barking and Dagenham", false),
        ("E09000003", "Barnet", false),
        ("E09000004", "Bexley", false),
        ("E09000005", "Brent", false),
        ("E09000006", "Bromley", false),
        ("E09000007", "Camden", true),
        ("E09000008", "Croydon", false),
        ("E09000009", "Ealing", false),
        ("E09000010", "Enfield", false),
        ("E09000011", "Greenwich", true),
        ("E09000012", "Hackney", true),
        ("E09000013", "Hammersmith and Fulham", true),
        ("E09000014", "Haringey", false),
        ("E09000015", "Harrow", false),
        ("E09000016", "Havering", false),
        ("E09000017", "Hillingdon", false),
        ("E09000018", "Hounslow", false),
        ("E09000019", "Islington", true),
        ("E09000020", "Kensington and Chelsea", true),
        ("E09000021", "Kingston upon Thames", false),
        ("E09000022", "Lambeth", true),
        ("E09000023", "Lewisham", true),
        ("E09000024", "Merton", false),
        ("E09000025", "Newham", false),
        ("E09000026", "Redbridge", false),
        ("E09000027", "Richmond upon Thames", false),
        ("E09000028", "Southwark", true),
        ("E09000029", "Sutton", false),
        ("E09000030", "Tower Hamlets", true),
        ("E09000031", "Waltham Forest", false),
        ("E09000032", "Wandsworth", true),
        ("E09000033", "Westminster", true),
    ];

    public static IReadOnlyList<OrganisationEntry> All { get; } =
    [
        new() { Code = England, Name = "England", Kind = "region" },
        new() { Code = London, Name = "London", Kind = "region", Parent = England },
        new() { Code = InnerLondon, Name = "Inner London", Kind = "region", Parent = London },
        new() { Code = OuterLondon, Name = "Outer London", Kind = "region", Parent = London },
        .. Boroughs.Select(b => new OrganisationEntry { Code = b.Code, Name = b.Name, Kind = "local_authority", Parent = b.Inner ? InnerLondon : OuterLondon }),
    ];
}
