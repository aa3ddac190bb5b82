package io.streampipe.job.avro;

/**
 * The schema registry wire format: magic byte 0, the writer schema's id as a 4-byte big-endian
 * integer, then the Avro binary encoding.
 */
public final class WireFormat {
  public static final int HEADER = 5;
  static final byte MAGIC = 0;

  private WireFormat() {}

  /** The schema id of a framed record, or -1 when the bytes are not in the wire format. */
  public static long schemaId(byte[] value) {
    if (value == null || value.length < HEADER || value[0] != MAGIC) {
      return -1;
    }
    return ((value[1] & 0xffL) << 24)
        | ((value[2] & 0xffL) << 16)
        | ((value[3] & 0xffL) << 8)
        | (value[4] & 0xffL);
  }

  /** The header of a record written with schema {@code id}. */
  public static byte[] header(int id) {
    return new byte[] {MAGIC, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
  }
}
