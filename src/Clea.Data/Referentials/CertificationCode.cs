namespace Clea.Data.Referentials;

/// <summary>The three CléA certifications owned by Certif Pro.</summary>
public enum CertificationCode
{
    CleaSocle,
    CleaNumerique,
    CleaManagement,
}
