package dev.berth.cli.client;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;

/** {@code berth images}, {@code ps} and {@code pull}: exit status 0, or 1 with the API's error on standard error. */
public final class ApiCommands {

  private ApiCommands() {
  }

  public static int images(BerthApi api, PrintStream out, PrintStream err) throws InterruptedException {
    return call(err, () -> out.print(Tables.images(api.images(), Instant.now())));
  }

  public static int ps(BerthApi api, boolean all, PrintStream out, PrintStream err) throws InterruptedException {
    return call(err, () -> out.print(Tables.containers(api.containers(), all, Instant.now())));
  }

  /** Prints each progress message as {@code STATUS detail}, as it arrives. */
  public static int pull(BerthApi api, String reference, PrintStream out, PrintStream err) throws InterruptedException {
    return call(err, () -> api.pull(reference, message -> {
      String detail = message.path("detail").asString("");
      out.println(message.path("status").asString("") + (detail.isEmpty() ? "" : " " + detail));
      out.flush();
    }));
  }

  private interface Call {
    void run() throws IOException, InterruptedException;
  }

  private static int call(PrintStream err, Call call) throws InterruptedException {
    try {
      call.run();
      return 0;
    } catch (BerthApi.ApiException e) {
      err.println("berth: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("berth: " + e.getMessage());
      return 1;
    }
  }
}
