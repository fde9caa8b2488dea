namespace Clea.Data.Registry;

/// <summary>Stable error codes of registration oversight and the CSV import (documented in the README).</summary>
public static class OrganismRegistrationErrors
{
    /// <summary>The organism's registration is blocked (fraud): its people may not file, register candidates or record evaluations.</summary>
    public const string OrganismBlocked = "ORGANISM_BLOCKED";
    /// <summary>The organism was merged into another record: act as that one.</summary>
    public const string OrganismMerged = "ORGANISM_MERGED";
    public const string OrganismNotFound = "ORGANISM_NOT_FOUND";
    public const string AlreadyBlocked = "ORGANISM_ALREADY_BLOCKED";
    public const string NotBlocked = "ORGANISM_NOT_BLOCKED";
    public const string NothingToCorrect = "NOTHING_TO_CORRECT";
    public const string NoHeadOffice = "NO_HEAD_OFFICE";
    public const string MergeIntoItself = "MERGE_INTO_ITSELF";
    /// <summary>The duplicate holds files (habilitations, applications, candidates) that cannot be moved to the kept record.</summary>
    public const string MergeConflict = "MERGE_CONFLICT";
    public const string InvalidNafCode = "INVALID_NAF_CODE";
    public const string InvalidDeclarationNumber = "INVALID_DECLARATION_NUMBER";
    /// <summary>A CSV line of the import is malformed (a missing column, a bad boolean).</summary>
    public const string InvalidImportLine = "INVALID_IMPORT_LINE";
    /// <summary>The same SIRET appears twice in one import file, or belongs to another organism.</summary>
    public const string DuplicateSiret = "DUPLICATE_SIRET";
}
