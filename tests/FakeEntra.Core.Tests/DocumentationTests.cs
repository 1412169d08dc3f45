using FakeEntra.Core.Errors;

namespace FakeEntra.Core.Tests;

/// <summary>The README promises to document every emulated error; keep it true.</summary>
public class DocumentationTests
{
    private static string Readme()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FakeEntra.sln"))) directory = directory.Parent;
        return File.ReadAllText(Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"), "README.md"));
    }

    public static TheoryData<int> Codes => [.. AadErrors.All.Select(e => e.Code)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_readme_documents_every_error_code(int code) => Assert.Contains($"| {code} |", Readme());
}
