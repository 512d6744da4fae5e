using System.Text;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// HTML escaping of values: the five characters that matter in element content and in quoted
/// attributes. Everything else (accents, Arabic) is written as is, so letters stay readable and small.
/// </summary>
internal static class HtmlText
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("&<>\"'");

    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0)
            return text;
        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            _ = text[i] switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                var c => builder.Append(c),
            };
        }
        return builder.ToString();
    }
}
