namespace EmploymentProcedures.Engine.Diagnostics;

public static partial class DiagnosticCodes
{
    // EP02xx: references and identities.
    public static readonly DiagnosticDescriptor IdNotFileName = Error("EP0201", "the id '{0}' differs from the file name '{1}'; rename one so they match");
    public static readonly DiagnosticDescriptor DuplicateId = Error("EP0202", "{0} id '{1}' is used twice (first at line {2}); ids must be unique");
    public static readonly DiagnosticDescriptor UnknownFragment = Error("EP0203", "unknown fragment '{0}'{1}; fragments live in procedures/fragments/");
    public static readonly DiagnosticDescriptor UnknownRole = Error("EP0204", "{0} uses unknown role '{1}'{2}; roles are listed in procedures/roles.yaml");
    public static readonly DiagnosticDescriptor UnknownList = Error("EP0205", "field '{0}' uses unknown list '{1}'{2}; lists live in procedures/lists/");
    public static readonly DiagnosticDescriptor UnknownCategory = Error("EP0206", "unknown category '{0}'{1}; categories are listed in procedures/categories.yaml");
    public static readonly DiagnosticDescriptor UnknownApplicant = Error("EP0207", "unknown applicant kind '{0}'{1}; applicant kinds are listed under 'applicants' in procedures/roles.yaml");
    public static readonly DiagnosticDescriptor UnknownTemplate = Error("EP0208", "output '{0}' uses unknown template '{1}'{2}; templates live in procedures/templates/");
    public static readonly DiagnosticDescriptor UnknownFieldReference = Error("EP0209", "{0} names unknown field '{1}'{2}");
    public static readonly DiagnosticDescriptor UnknownDocumentReference = Error("EP0210", "{0} names unknown document '{1}'{2}");
    public static readonly DiagnosticDescriptor UnknownStepReference = Error("EP0211", "{0} names unknown step '{1}'{2}");
    public static readonly DiagnosticDescriptor ActionNotOffered = Error("EP0212", "scenario '{0}' uses action '{1}' that step '{2}' does not offer (it offers: {3})");
    public static readonly DiagnosticDescriptor NotAReviewerRole = Error("EP0213", "step '{0}' gives role '{1}' to a reviewer, but '{1}' is {2} role");
    public static readonly DiagnosticDescriptor IncludeWithFields = Warning("EP0214", "section '{0}' includes fragment '{1}' and adds fields of its own; check that this is meant (they are appended after the fragment's fields)");

    // EP03xx: semantic rules.
    public static readonly DiagnosticDescriptor MissingTranslation = Error("EP0301", "{0} has no {1} text; every text needs French (fr) and Arabic (ar)");
    public static readonly DiagnosticDescriptor MissingLabel = Error("EP0302", "{0} has no label; write one in French and Arabic");
    public static readonly DiagnosticDescriptor ChoiceWithoutOptions = Error("EP0303", "field '{0}' is a {1} but has neither 'options:' nor 'list:'");
    public static readonly DiagnosticDescriptor OptionsNotAllowed = Error("EP0304", "field '{0}' is of type {1}, which takes no '{2}:'; remove it, or make the field a choice");
    public static readonly DiagnosticDescriptor DuplicateOption = Error("EP0305", "field '{0}' lists the option '{1}' twice");
    public static readonly DiagnosticDescriptor MinAboveMax = Error("EP0306", "field '{0}': {1} ({2}) is greater than {3} ({4}); nothing could ever be valid");
    public static readonly DiagnosticDescriptor ComputedCycle = Error("EP0307", "computed fields depend on each other in a cycle: {0}; break the cycle");
    public static readonly DiagnosticDescriptor ConditionOnLaterField = Error("EP0308", "{0} depends on field '{1}', which is asked later in the form (section '{2}'); move the condition or the field so the answer is known first");
    public static readonly DiagnosticDescriptor ConstantFalseStep = Error("EP0309", "step '{0}' has 'when: false' and can never run; remove the step or its condition");
    public static readonly DiagnosticDescriptor UnreachableStep = Error("EP0310", "step '{0}' can never be reached: step '{1}' before it offers no way forward (no approve or acknowledge)");
    public static readonly DiagnosticDescriptor ImpossibleQuorum = Error("EP0311", "step '{0}' needs {1} approvals but only {2} roles take part; the quorum must be between 1 and {2}, 'all' or 'any'");
    public static readonly DiagnosticDescriptor DeadlineWithoutCalendar = Error("EP0312", "{0} deadline of {1} days does not say which calendar; add 'calendar: business' (weekends and holidays excluded) or 'calendar: calendar'");
    public static readonly DiagnosticDescriptor SilenceWithoutDeadline = Error("EP0313", "'on_deadline: {0}' needs a legal 'deadline:' to run out");
    public static readonly DiagnosticDescriptor RoutingNotTerritorial = Error("EP0314", "routing field '{0}' is of type {1}; route by a 'province' or an 'address' field");
    public static readonly DiagnosticDescriptor ReturnOnFirstStep = Error("EP0315", "step '{0}' offers 'return' but there is no earlier step to return to");
    public static readonly DiagnosticDescriptor NoFinalStep = Error("EP0316", "the last step '{0}' offers neither approve, acknowledge nor reject, so no application could ever be decided");
    public static readonly DiagnosticDescriptor UnknownOptionValue = Error("EP0317", "scenario '{0}' answers '{1}' with '{2}', which is not one of its options{3}");
    public static readonly DiagnosticDescriptor InvalidPattern = Error("EP0318", "field '{0}' has an invalid pattern: {1}");
    public static readonly DiagnosticDescriptor ComputedRequired = Error("EP0319", "computed field '{0}' cannot be required; its value comes from 'value:'");
    public static readonly DiagnosticDescriptor ComputedWithoutValue = Error("EP0320", "computed field '{0}' needs 'value:' (an expression)");
    public static readonly DiagnosticDescriptor ValueOnInput = Error("EP0321", "field '{0}' is of type {1}; only computed fields take 'value:'");
    public static readonly DiagnosticDescriptor GroupWithoutFields = Error("EP0322", "group '{0}' needs 'fields:' for its rows");
    public static readonly DiagnosticDescriptor FieldsOnNonGroup = Error("EP0323", "field '{0}' is of type {1}, which takes no 'fields:'; use type 'group' for repeating rows");
    public static readonly DiagnosticDescriptor TooFewScenarios = Warning("EP0324", "the procedure has {0} scenario(s) under 'tests:'; write at least two (a complete path and a refusal or a validation failure)");
    public static readonly DiagnosticDescriptor SectionWithoutFields = Error("EP0325", "section '{0}' has neither 'fields:' nor 'include:'");
    public static readonly DiagnosticDescriptor KindOnlyForCnss = Error("EP0326", "field '{0}': 'kind:' applies to cnss fields only");
    public static readonly DiagnosticDescriptor CnssWithoutKind = Error("EP0327", "cnss field '{0}' needs 'kind: employer' (7 digits) or 'kind: insured' (9 digits)");
    public static readonly DiagnosticDescriptor NoActionableRole = Error("EP0328", "step '{0}' needs 'role:' or 'parallel:'");
    public static readonly DiagnosticDescriptor BothRoleAndParallel = Error("EP0329", "step '{0}' has both 'role:' and 'parallel:'; keep one");
    public static readonly DiagnosticDescriptor RejectWithoutOutput = Warning("EP0330", "steps can reject but 'outputs:' has no 'rejected' letter; add one so the applicant receives a reasoned decision");
    public static readonly DiagnosticDescriptor ScenarioWithoutExpectation = Error("EP0331", "scenario '{0}' expects nothing; add 'expect: {{ status: ... }}' or 'expect: {{ errors: [...] }}'");
    public static readonly DiagnosticDescriptor ConstantNeverVisible = Warning("EP0332", "{0} is never shown ('visible: false'); remove it");
    public static readonly DiagnosticDescriptor BoundNotForType = Error("EP0333", "field '{0}' is of type {1}, which takes no '{2}:'");
    public static readonly DiagnosticDescriptor BoundNotANumber = Error("EP0336", "field '{0}' is of type {1}: '{2}:' must be a number (only date fields take expressions such as today())");
    public static readonly DiagnosticDescriptor LengthOnNonText = Error("EP0334", "field '{0}' is of type {1}; 'min_length'/'max_length' apply to text fields");
    public static readonly DiagnosticDescriptor UnknownQuorum = Error("EP0337", "step '{0}' has 'quorum: {1}'; write 'all' (every role approves), 'any' (one approval) or a number from 1 to {2}");
    public static readonly DiagnosticDescriptor FieldRoleOutsideParallelStep = Error("EP0338", "field '{0}' says 'role: {1}', but {2}; only the fields of a parallel step may belong to one of its roles (remove 'role:')");
    public static readonly DiagnosticDescriptor FieldRoleNotInStep = Error("EP0339", "field '{0}' of step '{1}' is for role '{2}', which is not one of the step's roles ({3}){4}");
    public static readonly DiagnosticDescriptor ScenarioFieldOfAnotherRole = Error("EP0340", "scenario '{0}' gives field '{1}' of step '{2}' as role '{3}', but the field belongs to role '{4}'; write 'role: {4}' on the action, or give the field in that role's action");
    public static readonly DiagnosticDescriptor FieldReadsAnotherRolesField = Error("EP0341", "field '{0}' of step '{1}' ({2}) reads '{3}' in its '{4}:', but '{3}' belongs to role '{5}': each role of a parallel step fills its own form, so {6} and '{5}' may not have answered yet; give both fields to the same role, or read '{1}.{3}' at a later step");
    public static readonly DiagnosticDescriptor FieldRoleOnGroupRow = Error("EP0342", "field '{0}' is a row of group '{1}' and says 'role: {2}'; a group's rows are filled by whoever fills the group: put 'role: {2}' on group '{1}' and remove it from the row");
    public static readonly DiagnosticDescriptor PrivacyMissing = Error("EP0343", "the procedure has no 'privacy:' block; law 09-08 requires every processing of personal data to declare its purpose and how long the data is kept: add 'privacy:' with 'purpose:', 'retention:' and 'recipients:'");
    public static readonly DiagnosticDescriptor PrivacyKeyMissing = Error("EP0344", "'privacy:' has no '{0}:'; {1}");
    public static readonly DiagnosticDescriptor RetentionUnreadable = Error("EP0345", "retention '{0}' is not a duration; write whole years or months after the file is closed, such as '5y', '10y', '18m' or '2y6m'");
    public static readonly DiagnosticDescriptor RetentionTooShort = Error("EP0346", "retention '{0}' is shorter than 1 year: a decision can still be appealed or checked during its first year, so the file must outlive it; write at least '1y' (or '12m')");
    public static readonly DiagnosticDescriptor RetentionTooLong = Error("EP0347", "retention '{0}' is longer than 50 years: law 09-08 keeps personal data no longer than its purpose needs, and what must outlive that belongs to the archives (law 69-99), not to the portal; write at most '50y'");
    public static readonly DiagnosticDescriptor PrivacyWithoutRecipients = Warning("EP0348", "'privacy:' has no 'recipients:'; law 09-08 asks to tell the person who receives their data: name the services and authorities of the circuit (the provincial delegation, the labour inspectorate, the governor...)");
    public static readonly DiagnosticDescriptor CarryWithoutInclude = Error("EP0349", "section '{0}' says 'carry: {1}' but includes no fragment; 'carry: none' only stops an included fragment's answers being filled from the applicant's previous application: remove it");
    public static readonly DiagnosticDescriptor CarryNoneOnUncarried = Warning("EP0350", "section '{0}' says 'carry: none' but fragment '{1}' is never carried (it has no 'carry: applicant'); remove 'carry: none'");
    public static readonly DiagnosticDescriptor UnknownLabelColour = Error("EP0351", "label '{0}' has colour '{1}', which is not in the palette{2}; the colours are {3}, each readable in the light and dark themes");
    public static readonly DiagnosticDescriptor TooManyLabels = Error("EP0352", "the procedure declares {0} labels, more than {1}; a reviewer cannot scan a longer list in the inbox filter or on the case page: merge labels that mean the same, or remove the ones nobody uses");
    public static readonly DiagnosticDescriptor DuplicateLegalText = Warning("EP0335", "{0} repeats the French text in the Arabic text; translate it");
}
