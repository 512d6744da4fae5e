namespace EmploymentProcedures.Engine.Diagnostics;

/// <summary>Template diagnostics, EP0500–EP0599: the letters in <c>procedures/templates/</c>.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>{0} the template parser's reason.</summary>
    public static readonly DiagnosticDescriptor TemplateSyntax = Error("EP0501", "template syntax error: {0}");

    /// <summary>{0} what is read ("the document model", "'application'", "a text"), {1} the missing name, {2} " (did you mean 'x'?)" or empty, {3} what it has.</summary>
    public static readonly DiagnosticDescriptor TemplateUnknownMember = Error("EP0502", "{0} has no '{1}'{2}; it has: {3}");

    /// <summary>{0} the template name, {1} the language's name, {2} the file to add.</summary>
    public static readonly DiagnosticDescriptor TemplateMissingLanguage = Error("EP0503", "template '{0}' has no {1} version; add {2} (every letter needs French and Arabic)");

    /// <summary>{0} the construct, {1} why and what to do instead.</summary>
    public static readonly DiagnosticDescriptor TemplateNotAllowed = Error("EP0504", "{0} is not allowed in a document template: {1}");

    /// <summary>{0} the file name, {1} the languages.</summary>
    public static readonly DiagnosticDescriptor TemplateFileName = Error("EP0505", "template file '{0}' is not named <name>.<language>.html; the languages are {1} (e.g. receipt.fr.html)");

    /// <summary>{0} the size, {1} the limit.</summary>
    public static readonly DiagnosticDescriptor TemplateTooLarge = Error("EP0506", "the template is {0:N0} bytes; a template may not exceed {1:N0} bytes (keep letters short and move repeated markup into the shared stylesheet)");

    /// <summary>{0} the file name.</summary>
    public static readonly DiagnosticDescriptor LetterheadNotPlain = Error("EP0507", "'{0}' is written into every letter as it is: it holds no {{{{ ... }}}} tags (a value of the application belongs in the letter's own template)");

    /// <summary>{0} the element, {1} the elements the PDF renderer lays out.</summary>
    public static readonly DiagnosticDescriptor TemplateNotPrintable = Warning("EP0508", "<{0}> cannot be drawn in the letter's PDF (the letter is still issued as HTML, but its PDF download will fail); use one of: {1}");
}
