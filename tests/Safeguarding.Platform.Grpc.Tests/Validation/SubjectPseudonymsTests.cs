using System.Text;

namespace Safeguarding.Platform.Grpc.Tests.Validation;

/// <summary>A subject is stored as it is only when it is a plain id that names no one; otherwise as a stable keyed pseudonym.</summary>
public sealed class SubjectPseudonymsTests
{
    private static readonly SubjectPseudonyms Subjects = SubjectPseudonyms.FromSecret("subject-pseudonym-tests-key-0123456789");

    [Theory]
    [InlineData("north-csc-analyst")]
    [InlineData("5f0c2a8e-2b7e-4d0c-9f1e-0c1a2b3c4d5e")]
    [InlineData("auth0|abc123")]
    [InlineData("user:42")]
    public void A_plain_id_is_stored_as_it_is(string subject) => Assert.Equal(subject, Subjects.ForStorage(subject));

    [Theory]
    [InlineData("Jane Smith 9434765919")]
    [InlineData("Jane Smith")]
    [InlineData("9434765919")]
    [InlineData("jane.smith@example.org")]
    [InlineData("07700900123")]
    [InlineData("sw1a1aa")]
    [InlineData("pseudo:0123456789abcdef01234567")]
    [InlineData("-starts-with-a-dash")]
    [InlineData("")]
    public void Anything_else_is_stored_as_its_pseudonym(string subject)
    {
        var stored = Subjects.ForStorage(subject);

        Assert.Matches("^pseudo:[0-9a-f]{24}$", stored);
        Assert.Equal(stored, Subjects.ForStorage(subject));
        Assert.Equal(stored, SubjectPseudonyms.FromSecret("subject-pseudonym-tests-key-0123456789").ForStorage(subject));
    }

    [Fact]
    public void Pseudonyms_differ_by_subject_and_by_deployment_key()
    {
        var random = new Random(19_06);
        var subjects = Enumerable.Range(0, 500).Select(_ => "Child " + Identifiers.NhsNumber(random)).Distinct().ToList();
        var other = SubjectPseudonyms.DerivedFrom("another-deployment-development-key-012345", "audit");

        Assert.Equal(subjects.Count, subjects.Select(Subjects.ForStorage).Distinct().Count());
        Assert.All(subjects, s => Assert.NotEqual(Subjects.ForStorage(s), other.ForStorage(s)));
        Assert.All(subjects, s => Assert.DoesNotContain(s[6..], Subjects.ForStorage(s), StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => new SubjectPseudonyms(Encoding.UTF8.GetBytes("short")));
}
