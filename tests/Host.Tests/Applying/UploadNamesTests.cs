using EmploymentProcedures.Host.Applying;

namespace EmploymentProcedures.Host.Tests.Applying;

public sealed class UploadNamesTests
{
    [Theory]
    [InlineData("contrat.pdf")]
    [InlineData("عقد الشغل.pdf")]
    [InlineData("Passeport J. Martin (2).jpg")]
    [InlineData("رسالة\u200F.pdf")]
    public void IsAcceptable_PlainNames_AreAccepted(string name) => Assert.True(UploadNames.IsAcceptable(name));

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\..\\boot.ini.pdf")]
    [InlineData("C:\\Users\\x\\contrat.pdf")]
    [InlineData("dossier/contrat.pdf")]
    [InlineData("facture\u202Efdp.exe")]
    [InlineData("contrat\n.pdf")]
    [InlineData("")]
    [InlineData("   ")]
    public void IsAcceptable_PathsHiddenCharactersAndBlanks_AreRefused(string name) => Assert.False(UploadNames.IsAcceptable(name));
}
