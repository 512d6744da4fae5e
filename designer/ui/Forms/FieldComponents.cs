using EmploymentProcedures.Designer.Forms.Fields;
using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Designer.Forms;

/// <summary>The component of each field type: the closed set of <see cref="FieldType"/>, one small component each.</summary>
internal static class FieldComponents
{
    private static readonly Dictionary<FieldType, Type> ByType = new()
    {
        [FieldType.Text] = typeof(TextField),
        [FieldType.Textarea] = typeof(TextareaField),
        [FieldType.Number] = typeof(NumberField),
        [FieldType.Money] = typeof(MoneyField),
        [FieldType.Date] = typeof(DateField),
        [FieldType.Boolean] = typeof(BooleanField),
        [FieldType.Choice] = typeof(ChoiceField),
        [FieldType.Multichoice] = typeof(MultichoiceField),
        [FieldType.Email] = typeof(EmailField),
        [FieldType.Phone] = typeof(PhoneField),
        [FieldType.Cin] = typeof(CinField),
        [FieldType.Passport] = typeof(PassportField),
        [FieldType.Ice] = typeof(IceField),
        [FieldType.Rc] = typeof(RcField),
        [FieldType.If] = typeof(TaxIdField),
        [FieldType.Cnss] = typeof(CnssField),
        [FieldType.Rib] = typeof(RibField),
        [FieldType.Iban] = typeof(IbanField),
        [FieldType.Address] = typeof(AddressField),
        [FieldType.Country] = typeof(CountryField),
        [FieldType.Province] = typeof(ProvinceField),
        [FieldType.Group] = typeof(GroupField),
        [FieldType.Computed] = typeof(ComputedField),
        [FieldType.Consent] = typeof(ConsentField),
        [FieldType.Info] = typeof(InfoField),
    };

    public static Type For(FieldType type) =>
        ByType.TryGetValue(type, out var component) ? component : throw new ArgumentOutOfRangeException(nameof(type), type, "no form component for this field type");
}
