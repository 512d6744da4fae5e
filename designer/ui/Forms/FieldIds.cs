namespace EmploymentProcedures.Designer.Forms;

/// <summary>
/// The HTML id of the input that answers a field path or document id, so labels, error summaries and
/// a later review page can point at it. <c>employees[2].name</c> becomes <c>f-employees-2-name</c>: ids
/// never hold '-' and never start with a digit, so the mapping cannot collide.
/// </summary>
public static class FieldIds
{
    public static string For(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return "f-" + path.Replace("].", "-", StringComparison.Ordinal).Replace('[', '-').Replace(']', '-').Replace('.', '-');
    }
}
