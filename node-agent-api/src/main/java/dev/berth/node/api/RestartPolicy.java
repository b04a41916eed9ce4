package dev.berth.node.api;

/**
 * Docker's restart policy.
 *
 * @param name {@code no}, {@code on-failure}, {@code always} or {@code unless-stopped}
 * @param maximumRetryCount for {@code on-failure}: how many restarts at most; 0 means unlimited
 */
public record RestartPolicy(String name, int maximumRetryCount) {

  public static RestartPolicy no() {
    return new RestartPolicy("no", 0);
  }
}
