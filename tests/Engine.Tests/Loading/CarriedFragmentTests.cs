namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>Which fragments describe the applicant (<c>carry: applicant</c>) and which sections opt out, as the repository declares them.</summary>
public sealed class CarriedFragmentTests
{
    [Fact]
    public void Library_CarriedFragments_AreTheApplicantsIdentityOnly()
    {
        var carried = TestLibrary.Library.Fragments.Values.Where(f => f.Carried).Select(f => f.Id).Order(StringComparer.Ordinal);

        // An employee's identity is someone else's data; an address alone says nothing of whose it is.
        Assert.Equal(["employer-identity", "establishment", "legal-representative"], carried);
    }

    [Fact]
    public void Catalog_SectionIncludingCarriedFragment_IsCarriedUnlessItSaysCarryNone()
    {
        var sections = TestLibrary.Catalog.Definitions.Values.SelectMany(d => d.Sections.Select(s => (Procedure: d.Id, Section: s))).ToList();

        Assert.All(sections.Where(s => s.Section.Include is not null), s =>
            Assert.Equal(TestLibrary.Library.Fragments[s.Section.Include!].Carried && s.Section.Carry != "none", s.Section.Carried));
        Assert.False(sections.Single(s => s.Procedure == "apprenticeship-contract-registration" && s.Section.Id == "enterprise").Section.Carried);
        Assert.False(sections.Single(s => s.Procedure == "union-representative-designation" && s.Section.Id == "establishment").Section.Carried);
        Assert.True(sections.Single(s => s.Procedure == "foreign-worker-contract-visa" && s.Section.Id == "employer").Section.Carried);
        Assert.Contains(sections, s => s.Section.Include == "employee" && !s.Section.Carried);
    }
}
