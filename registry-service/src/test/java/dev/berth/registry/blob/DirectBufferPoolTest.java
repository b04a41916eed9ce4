package dev.berth.registry.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class DirectBufferPoolTest {

  @Test
  void handsOutDirectBuffersOfItsSize() {
    ByteBuffer buffer = new DirectBufferPool(4096, 2).take();

    assertThat(buffer.isDirect()).isTrue();
    assertThat(buffer.capacity()).isEqualTo(4096);
    assertThat(buffer.remaining()).isEqualTo(4096);
  }

  @Test
  void reusesAGivenBackBufferCleared() {
    DirectBufferPool pool = new DirectBufferPool(4096, 2);
    ByteBuffer buffer = pool.take();
    buffer.put(new byte[100]).flip();

    pool.give(buffer);

    ByteBuffer again = pool.take();
    assertThat(again).isSameAs(buffer);
    assertThat(again.position()).isZero();
    assertThat(again.limit()).isEqualTo(4096);
  }

  @Test
  void keepsNoMoreIdleBuffersThanItWasToldTo() {
    DirectBufferPool pool = new DirectBufferPool(4096, 2);
    ByteBuffer first = pool.take();
    ByteBuffer second = pool.take();
    ByteBuffer third = pool.take();

    pool.give(first);
    pool.give(second);
    pool.give(third);

    assertThat(pool.take()).isSameAs(first);
    assertThat(pool.take()).isSameAs(second);
    assertThat(pool.take()).isNotSameAs(third);
  }
}
