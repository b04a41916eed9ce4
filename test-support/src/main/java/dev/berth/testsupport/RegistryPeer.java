package dev.berth.testsupport;

import java.nio.file.Path;

/**
 * A real registry started by the tests that image pulls and pushes run against, whichever
 * implementation it is: CNCF distribution ({@link DistributionRegistry}) or Berth's own
 * registry-service ({@link RegistryServiceProcess}). Its {@code toString} names it, for test names.
 */
public interface RegistryPeer {

  /** {@code 127.0.0.1:PORT}, as image references name it. */
  String address();

  /** The file in which the registry keeps blob {@code digest} on its disk, for tests that corrupt it. */
  Path blobFile(String digest);
}
