using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Validation;
using Microsoft.AspNetCore.Components.Forms;

namespace EmploymentProcedures.Designer.Tests.Forms;

/// <summary>The bridge between the engine's validator and Blazor's EditContext, without any component.</summary>
public sealed class ValidationBridgeTests : IDisposable
{
    private static readonly Lazy<Engine.Definitions.ProcedureDefinition> Definition = new(() => TestForms.Define("""
              - { id: ice, type: ice, required: true, label: { fr: "ICE", ar: "المعرف الموحد للمقاولة" } }
              - { id: email, type: email, required: true, label: { fr: "Courriel", ar: "البريد الإلكتروني" } }
              - { id: address, type: address, label: { fr: "Adresse", ar: "العنوان" } }
        """));

    private readonly EditContext _editContext = new(new object());
    private readonly ValidationBridge _bridge;
    private Answers _answers = Answers.Empty;
    private int _validations;

    public ValidationBridgeTests()
    {
        _bridge = new ValidationBridge(_editContext, () =>
        {
            _validations++;
            return TestForms.Validate(Definition.Value, Submission.Of(_answers));
        });
    }

    public void Dispose() => _bridge.Dispose();

    [Fact]
    public void FieldChanged_AddsThatFieldsMessageOnly()
    {
        _answers = Answers.From([new("ice", "123")]);

        _editContext.NotifyFieldChanged(_bridge.Field("ice"));

        Assert.Equal([Message("ice.format", "fr")], _editContext.GetValidationMessages(_bridge.Field("ice")));
        Assert.Empty(_editContext.GetValidationMessages(_bridge.Field("email")));
        Assert.Equal(2, _bridge.Report.Errors.Count);
    }

    [Fact]
    public void FieldChangedAgain_ReplacesItsMessage_AndClearsItOnceValid()
    {
        _answers = Answers.From([new("ice", "123")]);
        _editContext.NotifyFieldChanged(_bridge.Field("ice"));

        _answers = Answers.From([new("ice", "001561191000067")]);
        _editContext.NotifyFieldChanged(_bridge.Field("ice"));
        var replaced = _editContext.GetValidationMessages(_bridge.Field("ice")).ToList();

        _answers = Answers.From([new("ice", "001561191000066")]);
        _editContext.NotifyFieldChanged(_bridge.Field("ice"));

        Assert.Equal([Message("ice.checksum", "fr")], replaced);
        Assert.Empty(_editContext.GetValidationMessages(_bridge.Field("ice")));
        Assert.Empty(_editContext.GetValidationMessages());
    }

    [Fact]
    public void Validate_RevealsEveryMessage()
    {
        var valid = _editContext.Validate();

        Assert.False(valid);
        Assert.Equal([Message("required", "fr")], _editContext.GetValidationMessages(_bridge.Field("ice")));
        Assert.Equal([Message("required", "fr")], _editContext.GetValidationMessages(_bridge.Field("email")));
    }

    [Fact]
    public void RecordMember_ShowsOnceItsFieldWasChanged()
    {
        _answers = Answers.From([new("address", new Dictionary<string, object?> { ["street"] = "12 rue Ibn Batouta", ["postal_code"] = "1" })]);

        _editContext.NotifyFieldChanged(_bridge.Field("address"));

        Assert.NotEmpty(_editContext.GetValidationMessages(_bridge.Field("address.postal_code")));
        Assert.NotEmpty(_editContext.GetValidationMessages(_bridge.Field("address.commune")));
    }

    [Fact]
    public void Language_Changed_RepublishesTheMessagesInIt()
    {
        _editContext.Validate();

        _bridge.Language = "ar";

        Assert.Equal([Message("required", "ar")], _editContext.GetValidationMessages(_bridge.Field("ice")));
    }

    [Fact]
    public void Show_ServersReport_IsPublishedWithoutRevalidating()
    {
        var server = new ValidationReport([new ValidationError("email", "email.format", ValidationMessages.Format("email.format"))]);
        var before = _validations;

        _bridge.Show(server);

        Assert.Equal(before, _validations);
        Assert.Equal([Message("email.format", "fr")], _editContext.GetValidationMessages());
    }

    [Fact]
    public void Reset_AndDispose_ClearTheStore()
    {
        _editContext.Validate();

        _bridge.Reset();
        var afterReset = _editContext.GetValidationMessages().ToList();
        _editContext.Validate();
        _bridge.Dispose();

        Assert.Empty(afterReset);
        Assert.Empty(_editContext.GetValidationMessages());
    }

    private static string Message(string code, string language) => ValidationMessages.Format(code).Get(language);
}
