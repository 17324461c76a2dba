using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.Connection;

/// <summary>A command written (or about to be written) to the socket, waiting for its reply in pipeline order.</summary>
internal sealed class PendingCommand(string name, long deadline, TimeSpan timeout)
    : TaskCompletionSource<RespValue>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    private CancellationTokenRegistration _cancellation;

    public string Name { get; } = name;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> after which the caller gets a timeout.</summary>
    public long Deadline { get; } = deadline;

    public TimeSpan Timeout { get; } = timeout;

    public void ObserveCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((PendingCommand)state!).TrySetCanceled(token), this);
        }
    }

    public void Complete(RespValue reply)
    {
        if (reply.IsError)
        {
            TrySetException(new RedisServerException(reply.ToString()));
        }
        else
        {
            TrySetResult(reply);
        }

        _cancellation.Dispose();
    }

    public void Fail(Exception exception)
    {
        TrySetException(exception);
        _cancellation.Dispose();
    }
}
