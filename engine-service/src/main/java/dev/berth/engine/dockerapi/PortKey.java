package dev.berth.engine.dockerapi;

import dev.berth.engine.container.EngineException;
import java.util.Locale;

/**
 * A container port as Docker keys it: {@code 80/tcp}, {@code 53/udp}; {@code 80} alone is TCP.
 *
 * @param port the port number
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}
 */
record PortKey(int port, String protocol) {

  static PortKey parse(String key) {
    int slash = key.indexOf('/');
    String number = slash < 0 ? key : key.substring(0, slash);
    String protocol = slash < 0 ? "tcp" : key.substring(slash + 1).toLowerCase(Locale.ROOT);
    try {
      int port = Integer.parseInt(number);
      if (port < 1 || port > 65535 || !(protocol.equals("tcp") || protocol.equals("udp") || protocol.equals("sctp"))) {
        throw new NumberFormatException();
      }
      return new PortKey(port, protocol);
    } catch (NumberFormatException e) {
      throw new EngineException.InvalidArgument("invalid port specification: \"" + key + "\"");
    }
  }

  @Override
  public String toString() {
    return port + "/" + protocol;
  }
}
