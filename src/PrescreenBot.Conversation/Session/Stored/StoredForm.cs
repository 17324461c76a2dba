namespace PrescreenBot.Conversation.Session.Stored;

/// <summary>
/// How a <see cref="PrescreenSession"/> is kept in conversation state (Redis or memory), compact enough that a finished
/// pre-screen stays under 2 KB (issue 6) yet readable by someone debugging a stored conversation.
/// <para>
/// Version 2 (<c>"v":2</c>): each answer is a short string (<see cref="AnswerText"/>: <c>"no"</c>, <c>"no@90"</c>,
/// <c>"?"</c>, <c>"34 years"</c>, <c>"choice:sle"</c>, <c>"date:2024-03-01"</c>), and an answer set by a step of the history is
/// written with that step instead of a second time under its key (<see cref="StoredHistory"/>):
/// <c>"history":["consent","key:age=34 years",{"group:infections":{"hiv":"no","hepatitis-b":"no@0"}},"share:which"]</c>.
/// <c>"answers"</c> keeps only answers no history step carries (the history is cleared after a referral, for one).
/// </para>
/// <para>
/// Version 1 (no <c>"v"</c>): every answer an object (<c>{"kind":1,"withinDays":90}</c>), every history step an object
/// (<c>{"stepId":"key:age","keys":["age"],"counted":true}</c>). Both forms are read, value by value, so conversations stored
/// before a deploy carry on; what cannot be written compactly without loss is still written in the version 1 form.
/// </para>
/// </summary>
public static class StoredForm
{
    /// <summary>The version written; readers tell the forms apart by shape, so this is for people and future formats.</summary>
    public const int CurrentVersion = 2;
}
