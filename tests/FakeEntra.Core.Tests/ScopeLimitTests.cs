using FakeEntra.Core.Errors;
using FakeEntra.Core.Tokens;

namespace FakeEntra.Core.Tests;

/// <summary>A scope parameter costs bounded work: its length is limited, and what is within the limit parses in one pass.</summary>
public class ScopeLimitTests
{
    [Fact]
    public void A_scope_longer_than_the_limit_is_AADSTS70011()
    {
        // 60,000 values took ten seconds of a core when duplicates were looked up in a list.
        var scope = string.Join(' ', Enumerable.Range(0, 60_000).Select(i => $"api://a/s{i}"));
        var error = Assert.Throws<AadException>(() => ScopeRequest.Parse(scope)).Error;
        Assert.Equal(70011, error.Code);
        Assert.Contains($"longer than {ScopeRequest.MaxLength} characters", error.Message);
        Assert.True(error.Message.Length < 200, "the refusal does not echo the oversized scope");
    }

    [Fact]
    public void A_scope_at_the_limit_keeps_every_distinct_value_once_in_order()
    {
        var values = new List<string>();
        var scope = new System.Text.StringBuilder("openid");
        for (var i = 0; ; i++)
        {
            // Each value comes twice, the second time in other casing, as Entra reads scopes case-insensitively.
            var pair = $" api://a/S{i} api://a/s{i}";
            if (scope.Length + pair.Length > ScopeRequest.MaxLength) break;
            values.Add($"S{i}");
            scope.Append(pair);
        }
        var request = ScopeRequest.Parse(scope.ToString());
        Assert.Equal(values, request.ResourceScopes);
        Assert.True(request.HasOidc("openid"));
    }

    [Fact]
    public void The_default_scope_repeated_is_still_only_the_default()
    {
        var request = ScopeRequest.Parse("api://a/.default api://a/.DEFAULT offline_access");
        Assert.True(request.IsDefault);
    }
}
