namespace FakeEntra.Core.DirectoryObjects;

/// <summary>An app's instance in one tenant; an app can be used in a tenant only where it has one.</summary>
public sealed record ServicePrincipal
{
    public required Guid Id { get; init; }
    public required Guid AppId { get; init; }
    public string? DisplayName { get; init; }
    public bool AccountEnabled { get; init; } = true;
    /// <summary>App roles granted to this service principal (application permissions).</summary>
    public IReadOnlyList<AppRoleAssignment> AppRoleAssignments { get; init; } = [];
}

/// <summary>Graph's <c>appRoleAssignment</c>; the principal is the object that holds the list.</summary>
public sealed record AppRoleAssignment
{
    public Guid Id { get; init; }
    /// <summary>Object id of the resource's service principal in the same tenant.</summary>
    public required Guid ResourceId { get; init; }
    public required Guid AppRoleId { get; init; }
}

/// <summary>Graph's <c>oauth2PermissionGrant</c>: consent for a client to call a resource with delegated scopes.</summary>
public sealed record OAuth2PermissionGrant
{
    public Guid Id { get; init; }
    /// <summary>Object id of the client's service principal.</summary>
    public required Guid ClientId { get; init; }
    /// <summary><c>AllPrincipals</c> (admin consent) or <c>Principal</c> (one user).</summary>
    public string ConsentType { get; init; } = ConsentTypes.AllPrincipals;
    public Guid? PrincipalId { get; init; }
    /// <summary>Object id of the resource's service principal.</summary>
    public required Guid ResourceId { get; init; }
    /// <summary>Space-separated scope values.</summary>
    public required string Scope { get; init; }

    public IEnumerable<string> ScopeValues => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

public static class ConsentTypes
{
    public const string AllPrincipals = "AllPrincipals";
    public const string Principal = "Principal";
}

/// <summary>Graph's <c>unifiedRoleAssignment</c> of a directory role.</summary>
public sealed record UnifiedRoleAssignment
{
    public Guid Id { get; init; }
    public required Guid PrincipalId { get; init; }
    /// <summary>The role's template id, e.g. <see cref="DirectoryRoleTemplates.GlobalAdministrator"/>.</summary>
    public required Guid RoleDefinitionId { get; init; }
    public string DirectoryScopeId { get; init; } = "/";
}

public static class DirectoryRoleTemplates
{
    public static readonly Guid GlobalAdministrator = new("62e90394-69f5-4237-9190-012177145e10");
    public static readonly Guid SecurityAdministrator = new("194ae4cb-b126-40b2-bd5b-6091b380977d");
    public static readonly Guid GlobalReader = new("f2ef992c-3afb-46b9-b7cf-a126ee74c451");
    public static readonly Guid ConditionalAccessAdministrator = new("b1be1c3e-b65d-4f19-8427-f6fa0d97feb9");
    public static readonly Guid UserAdministrator = new("fe930be7-5e62-47db-91af-98c3a49a38b1");
    public static readonly Guid ReportsReader = new("4a5d8f65-41da-4de4-8968-e035b65339cf");
    public static readonly Guid SecurityReader = new("5d6b6bb7-de71-4623-b4af-96380a352509");
}
