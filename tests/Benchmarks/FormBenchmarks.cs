using BenchmarkDotNet.Attributes;
using Bunit;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// One answer changed on a 200-field form, as the server handles it: <see cref="EngineChange"/> is the
/// engine's share (prune hidden answers, evaluate conditions and computed values, validate everything);
/// <see cref="RenderChange"/> is the whole round inside the server (the change event dispatched to the
/// rendered <see cref="ProcedureForm"/>, the engine's work, the page re-rendered and diffed). With 10
/// sections the page shows 20 fields; with 1 section all 200 are on one page (the worst case).
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: the context is disposed in [GlobalCleanup].")]
public class FormBenchmarks
{
    private readonly EvaluationContext _context = new(new DateOnly(2026, 3, 2));
    private ProcedureDefinition _definition = null!;
    private Answers _answers = Answers.Empty;
    private BunitContext _bunit = null!;
    private IRenderedComponent<ProcedureForm> _form = null!;
    private int _turn;

    [Params(1, 10)]
    public int Sections { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_definition, _answers) = BenchForm.Load(Sections, _context.Today);

        _bunit = new BunitContext();
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _form = _bunit.Render<ProcedureForm>(p => p
            .Add(f => f.Definition, _definition)
            .Add(f => f.Answers, _answers)
            .Add(f => f.Today, _context.Today));
    }

    [GlobalCleanup]
    public void Cleanup() => _bunit.Dispose();

    /// <summary>A number that shows or hides its conditional field, alternately.</summary>
    private string NextValue() => ++_turn % 2 == 0 ? "42" : "7";

    [Benchmark]
    public bool EngineChange()
    {
        var changed = VisibleAnswers.Prune(_definition, _answers.With("f0_1", NextValue()), _context);
        var state = FormState.Evaluate(_definition, changed, _context);
        return state.IsVisible("f0_4") && SubmissionValidator.Validate(_definition, Submission.Of(changed), _context).IsValid;
    }

    [Benchmark]
    public int RenderChange()
    {
        _form.Find("#f-f0_1").Change(NextValue());
        return _form.RenderCount;
    }
}
