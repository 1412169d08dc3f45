namespace SharedChannels.Api.Callers;

/// <summary>Who is calling, in Teams' terms.</summary>
public enum CallerKind
{
    /// <summary>A member of the resource tenant (no <c>idp</c>, <c>acct</c> 0).</summary>
    Internal,

    /// <summary>A B2B collaboration guest: <c>acct</c> 1, <c>idp</c> home, <c>oid</c> = a guest object in the resource tenant.</summary>
    Guest,

    /// <summary>A B2B direct connect user: <c>acct</c> 1, <c>idp</c> home, <c>oid</c> = the home object (no presence here).</summary>
    External,

    /// <summary>An app-only token (<c>idtyp</c> app) with the <c>Channels.Read.All</c> role: reads only.</summary>
    App,
}
