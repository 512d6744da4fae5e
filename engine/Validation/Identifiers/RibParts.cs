namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>The four parts of a Moroccan RIB.</summary>
/// <param name="Bank">Bank code, 3 digits.</param>
/// <param name="Locality">Locality (city) code, 3 digits.</param>
/// <param name="Account">Account number, 16 digits.</param>
/// <param name="Key">RIB key, 2 digits.</param>
public sealed record RibParts(string Bank, string Locality, string Account, string Key);
