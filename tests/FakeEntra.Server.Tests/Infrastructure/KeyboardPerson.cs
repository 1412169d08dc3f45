using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FakeEntra.Server.Tests.Infrastructure;

/// <summary>
/// A person in Chromium who only types and presses keys, never clicks: each page must put the focus where typing goes
/// and make Enter do what the page is for. Collects what Chromium reports about the Content-Security-Policy.
/// </summary>
public sealed class KeyboardPerson
{
    public KeyboardPerson(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) PolicyViolations.Add(message.Text);
        };
    }

    public IPage Page { get; }

    /// <summary>Console messages about resources or scripts the page's policy refused (a page that broke its own policy).</summary>
    public List<string> PolicyViolations { get; } = [];

    /// <summary>
    /// Waits for the page with this heading, checks the focus is already on <paramref name="field"/>, types and presses
    /// Enter; <paramref name="screenshot"/> saves the filled page first.
    /// </summary>
    public async Task TypeAndEnterAsync(string heading, string field, string text, string? screenshot = null)
    {
        await ExpectPageAsync(heading);
        await Expect(Page.GetByLabel(field, new() { Exact = true })).ToBeFocusedAsync();
        // Over whatever the field kept from a refused try, as a person selects it and types.
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync(text);
        if (screenshot is not null) await Page.ScreenshotAsync(new() { Path = screenshot });
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>On a page without fields: checks the focus is on the button named <paramref name="button"/> and presses Enter.</summary>
    public async Task EnterOnAsync(string heading, string button)
    {
        await ExpectPageAsync(heading);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Moves the focus with Tab to the button named <paramref name="button"/> and presses Enter there.</summary>
    public async Task TabToAndEnterAsync(string button)
    {
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The authorization response the app got, once the browser has finished loading the app's page.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReachAsync(LoopbackApp app)
    {
        var response = await app.Response;
        await ExpectPageAsync(LoopbackApp.Heading);
        return response;
    }

    /// <summary>Waits for the page shown again with a refusal, announced as an alert.</summary>
    public Task ExpectAlertAsync() => Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

    public Task ExpectPageAsync(string heading) =>
        Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
}
