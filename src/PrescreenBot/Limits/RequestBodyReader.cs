using System.Buffers;
using Microsoft.Extensions.Options;

namespace PrescreenBot.Limits;

/// <summary>
/// Reads a request body into memory up to the configured cap (<see cref="RequestLimitsOptions.MaxRequestBodyBytes"/>).
/// A declared Content-Length over the cap is refused without reading; an undeclared (chunked) body is counted as it
/// arrives and refused as soon as it passes the cap, so an oversized body never sits in memory.
/// </summary>
public sealed class RequestBodyReader(IOptions<RequestLimitsOptions> options)
{
    private const int InitialBufferBytes = 4 * 1024;

    public int MaxBytes { get; } = options.Value.MaxRequestBodyBytes;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/> (answer with <see cref="TooLarge"/>).</summary>
    public async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is { } declared && declared > MaxBytes)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? InitialBufferBytes, MaxBytes) + 1);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > MaxBytes)
                    {
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > MaxBytes)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>413 with a problem document that says what the limit is.</summary>
    public IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The request body may be at most {MaxBytes} bytes.");
}
