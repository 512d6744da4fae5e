using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>The rules of one field type applied to one answer; each finding is (path, code, figures).</summary>
internal sealed partial class FieldCheck
{
    /// <summary>The identifier types: each answer goes through its validator in <c>Validation/Identifiers</c>.</summary>
    private static readonly Dictionary<FieldType, Func<FieldDefinition, string?, IdentifierResult>> Identifiers = new()
    {
        [FieldType.Phone] = (_, text) => PhoneNumber.Check(text),
        [FieldType.Cin] = (_, text) => Cin.Check(text),
        [FieldType.Passport] = (_, text) => Passport.Check(text),
        [FieldType.Ice] = (_, text) => Ice.Check(text),
        [FieldType.If] = (_, text) => TaxId.Check(text),
        [FieldType.Cnss] = (field, text) => CnssNumber.Check(text, field.CnssKind == "insured" ? CnssKind.Insured : CnssKind.Employer),
        [FieldType.Rib] = (_, text) => Rib.Check(text),
        [FieldType.Iban] = (_, text) => Iban.Check(text),
    };

    private readonly FieldDefinition _field;
    private readonly Regex? _pattern;
    private readonly HashSet<string> _choices;
    private readonly IReadOnlyDictionary<string, OptionList> _lists;

    public FieldCheck(FieldDefinition field, IReadOnlyDictionary<string, OptionList> lists)
    {
        _field = field;
        _lists = lists;
        _choices = field.Choices.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        if (field.Pattern is { } pattern)
        {
            try
            {
                _pattern = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
            }
            catch (ArgumentException)
            {
                // The linter reports an invalid pattern (EP0318); such a definition never runs.
            }
        }
    }

    public FieldDefinition Field => _field;

    public static bool IsEmpty(object? raw) => raw switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        IReadOnlyList<object?> list => list.Count == 0,
        Answers answers => answers.Values.All(IsEmpty),
        _ => false,
    };

    /// <summary>Checks a non-empty answer of this field against its type and bounds.</summary>
    public IEnumerable<(string Path, string Code, object?[] Args)> Check(string path, object? raw, AnswerValues values)
    {
        var text = raw as string;
        switch (_field.Type)
        {
            case FieldType.Text or FieldType.Textarea:
                if (text is null)
                    yield return (path, "text.pattern", []);
                else
                {
                    var length = text.Trim().Length;
                    if (_field.MinLength is { } min && length < min)
                        yield return (path, "text.min_length", [min]);
                    if (_field.MaxLength is { } max && length > max)
                        yield return (path, "text.max_length", [max]);
                    if (_pattern is not null && !Matches(_pattern, text.Trim()))
                        yield return (path, "text.pattern", []);
                }
                break;
            case FieldType.Number or FieldType.Money:
                var number = AnswerValues.ParseNumber(text);
                if (number is null)
                    yield return (path, "number.format", []);
                else
                {
                    if (_field.Min?.Number is { } min && number < min)
                        yield return (path, "number.min", [min]);
                    if (_field.Max?.Number is { } max && number > max)
                        yield return (path, "number.max", [max]);
                    var decimals = _field.Decimals ?? (_field.Type == FieldType.Money ? 2 : 6);
                    if (number.Value.Scale > decimals && number.Value != Math.Round(number.Value, decimals))
                        yield return (path, "number.decimals", [decimals]);
                }
                break;
            case FieldType.Date:
                var date = AnswerValues.ParseDate(text);
                if (date is null)
                    yield return (path, "date.format", []);
                else
                {
                    if (DateBound(_field.Min, values) is { } earliest && date < earliest)
                        yield return (path, "date.min", [earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
                    if (DateBound(_field.Max, values) is { } latest && date > latest)
                        yield return (path, "date.max", [latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
                }
                break;
            case FieldType.Boolean or FieldType.Consent:
                if (text is not ("true" or "false"))
                    yield return (path, "boolean.format", []);
                break;
            case FieldType.Choice or FieldType.Country or FieldType.Province:
                if (text is null || (_choices.Count > 0 && !_choices.Contains(text)))
                    yield return (path, _field.Type == FieldType.Province ? "province.unknown" : "choice.unknown", []);
                break;
            case FieldType.Multichoice:
                var chosen = raw is IReadOnlyList<object?> items ? items.OfType<string>().ToList() : text is not null ? [text] : [];
                if (chosen.Any(c => !_choices.Contains(c)))
                    yield return (path, "choice.unknown", []);
                if (_field.Min?.Number is { } fewest && chosen.Count < fewest)
                    yield return (path, "multichoice.min", [fewest]);
                if (_field.Max?.Number is { } most && chosen.Count > most)
                    yield return (path, "multichoice.max", [most]);
                break;
            case FieldType.Email:
                if (text is null || text.Length > 254 || !Email().IsMatch(text.Trim()))
                    yield return (path, "email.format", []);
                break;
            case var identifier when Identifiers.TryGetValue(identifier, out var check):
                if (check(_field, text) is { IsValid: false } result)
                    yield return (path, result.ErrorCode!, []);
                break;
            case FieldType.Rc:
                var register = raw as Answers ?? Answers.Empty;
                if (IsEmpty(register["number"]))
                    yield return (path + ".number", "required", []);
                else if (Identifier(RcNumber.Check(register["number"] as string)) is { } rc)
                    yield return (path + ".number", rc, []);
                if (!InList("commercial-courts", register["court"] as string))
                    yield return (path + ".court", IsEmpty(register["court"]) ? "required" : "court.unknown", []);
                break;
            case FieldType.Address:
                var address = raw as Answers ?? Answers.Empty;
                foreach (var part in new[] { "street", "commune" })
                {
                    if (IsEmpty(address[part]))
                        yield return (path + "." + part, "required", []);
                }
                if (!InList("provinces", address["province"] as string))
                    yield return (path + ".province", IsEmpty(address["province"]) ? "required" : "province.unknown", []);
                if (!IsEmpty(address["postal_code"]) && Identifier(PostalCode.Check(address["postal_code"] as string)) is { } postal)
                    yield return (path + ".postal_code", postal, []);
                break;
        }
    }

    private bool InList(string listId, string? value) =>
        value is not null && (!_lists.TryGetValue(listId, out var list) || list.Contains(value));

    private static string? Identifier(IdentifierResult result) => result.IsValid ? null : result.ErrorCode;

    private static DateOnly? DateBound(Bound? bound, AnswerValues values) =>
        bound?.Expression is { } expression ? values.Evaluate(expression).AsDate : null;

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
