namespace EmploymentProcedures.Engine.Definitions;

/// <summary>The closed set of field kinds; each has one validator and one form component.</summary>
public enum FieldType
{
    Text,
    Textarea,
    Number,
    Money,
    Date,
    Boolean,
    Choice,
    Multichoice,
    Email,
    Phone,
    Cin,
    Passport,
    Ice,
    Rc,
    If,
    Cnss,
    Rib,
    Iban,
    Address,
    Country,
    Province,
    Group,
    Computed,
    Consent,
    Info,
}
