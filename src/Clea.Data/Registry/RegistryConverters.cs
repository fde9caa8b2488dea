using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clea.Data.Registry;

internal sealed class SirenConverter() : ValueConverter<Siren, string>(v => v.Value, v => Siren.Parse(v));

internal sealed class SiretConverter() : ValueConverter<Siret, string>(v => v.Value, v => Siret.Parse(v));
