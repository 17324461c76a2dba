namespace PrescreenBot.Portal.Pages;

/// <summary>
/// The portal's one stylesheet, served from our own origin because the Content-Security-Policy allows no inline style
/// or script. Plain, legible, high-contrast; no web fonts, no images.
/// </summary>
internal static class PortalStyles
{
    public const string Path = "/portal/portal.css";

    public const string Css = """
        :root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b5cad; --bad: #a4000f; --good: #1d6b2a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
        a { color: var(--accent); }
        a:focus, button:focus { outline: 3px solid #f4b400; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
        header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); }
        header .brand { font-weight: 600; }
        header form { display: inline; margin: 0; }
        main { padding: 1rem 1.5rem 3rem; max-width: 72rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        caption { text-align: left; color: var(--muted); padding-bottom: .25rem; }
        th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
        th { font-weight: 600; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        .state-dead { color: var(--bad); font-weight: 600; }
        .state-delivered { color: var(--good); }
        .note { color: var(--muted); }
        button { font: inherit; padding: .3rem .8rem; border: 1px solid var(--accent); background: #fff; color: var(--accent); border-radius: 4px; cursor: pointer; }
        ol.transcript { list-style: none; padding: 0; margin: 0; max-width: 48rem; }
        ol.transcript li { margin: .5rem 0; padding: .5rem .75rem; border-radius: 8px; border: 1px solid var(--line); }
        ol.transcript li.in { background: #eef4fb; margin-right: 4rem; }
        ol.transcript li.out { background: #f6f6f6; margin-left: 4rem; }
        ol.transcript li.event { border: 0; padding: 0 .75rem; color: var(--muted); font-size: .9rem; }
        ol.transcript .who { font-size: .85rem; color: var(--muted); display: block; }
        ol.transcript p { margin: .25rem 0 0; white-space: normal; overflow-wrap: anywhere; }
        """;
}
