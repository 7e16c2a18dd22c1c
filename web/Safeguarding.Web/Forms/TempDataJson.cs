using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Safeguarding.Web.Forms;

/// <summary>
/// Answers carried between a question page, its check-answers page and the confirmation, in TempData (a cookie
/// encrypted with the application's Data Protection keys): never in the address, so nothing typed ends up in logs.
/// </summary>
public static class TempDataJson
{
    public static void Put<T>(this ITempDataDictionary tempData, string key, T value) =>
        tempData[key] = JsonSerializer.Serialize(value);

    /// <summary>The value, kept for the next request too (a check-answers page can be reloaded).</summary>
    public static T? Peek<T>(this ITempDataDictionary tempData, string key) =>
        tempData.Peek(key) is string json ? JsonSerializer.Deserialize<T>(json) : default;

    /// <summary>The value, removed after this request.</summary>
    public static T? Take<T>(this ITempDataDictionary tempData, string key) =>
        tempData[key] is string json ? JsonSerializer.Deserialize<T>(json) : default;
}
