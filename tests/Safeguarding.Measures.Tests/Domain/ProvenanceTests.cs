using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class ProvenanceTests
{
    [Fact]
    public void Imports_record_the_file_name_only_and_the_row()
    {
        var provenance = Provenance.Import("/tmp/uploads/c1.csv", 42, "import-7", "analyst-1");

        Assert.Equal("c1.csv", provenance.FileName);
        Assert.Equal(42, provenance.Row);
        Assert.Equal("import-7", provenance.Reference);
        Assert.Equal("analyst-1", provenance.UserId);
    }

    [Fact]
    public void Manual_entry_needs_a_user_id()
    {
        Assert.Equal(ProvenanceKind.ManualEntry, Provenance.ManualEntry("user-9").Kind);
        Assert.Equal("provenance.user_id", Assert.Throws<DomainValidationException>(() => Provenance.ManualEntry("Jane Smith")).Problems.Single().Field);
    }

    [Fact]
    public void Bad_import_provenance_names_every_field()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Provenance.Import("", 0, "", ""));

        Assert.Equal(["provenance.file_name", "provenance.row", "provenance.import_id", "provenance.user_id"], ex.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Audits_and_surveys_reference_their_programme_or_wave()
    {
        Assert.Equal("audit-programme-3", Provenance.Audit("audit-programme-3", "auditor-1").Reference);
        Assert.Equal(ProvenanceKind.Survey, Provenance.Survey("wave-2025-q1", "survey-admin-1").Kind);
    }
}
