package dev.briefpipe.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Set;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The rows of a large sheet, kept column by column in primitive arrays (five to ten bytes a value
 * plus the text itself, a repeated text once) instead of a map per row. Only the fields the brief needs after reading are kept;
 * every field still has its cell address. A {@link Row} is made each time one is asked for.
 * Immutable once built.
 */
public final class CompactRows extends AbstractList<Row> implements RandomAccess {
  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte DECIMAL = 2;
  private static final byte TEXT = 3;
  private static final byte DATE = 4;
  private static final byte YEAR_MONTH = 5;
  private static final byte BOOLEAN = 6;
  private static final byte OTHER = 7;

  private final String sheet;
  private final String[] kept;
  private final String[] allFields;
  private final int[] allColumns;
  private int size;
  private int[] sheetRows = new int[1024];
  private final Column[] columns;

  /**
   * @param sheet the sheet name, for cell addresses
   * @param fields every field read from the sheet, with its zero-based column
   * @param kept the fields whose values are kept
   */
  public CompactRows(String sheet, Map<String, Integer> fields, List<String> kept) {
    this.sheet = sheet;
    this.allFields = fields.keySet().toArray(String[]::new);
    this.allColumns = fields.values().stream().mapToInt(Integer::intValue).toArray();
    this.kept = kept.toArray(String[]::new);
    this.columns = new Column[this.kept.length];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new Column();
    }
  }

  /** Adds a row (while building; not once the rows are handed to a {@link Table}). */
  public void add(int sheetRow, Map<String, Object> values) {
    if (size == sheetRows.length) {
      int n = size + (size >> 1);
      sheetRows = Arrays.copyOf(sheetRows, n);
      for (Column c : columns) {
        c.grow(n);
      }
    }
    sheetRows[size] = sheetRow;
    for (int i = 0; i < kept.length; i++) {
      columns[i].set(size, values.get(kept[i]));
    }
    size++;
  }

  @Override
  public boolean add(Row row) {
    add(row.sheetRow(), row.values());
    return true;
  }

  @Override
  public Row get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    // Views over the arrays: a rule that reads two fields of a row makes two values, not ten.
    return new Row(sheetRows[index], new Values(index), new Cells(sheetRows[index]));
  }

  private int keptIndex(Object field) {
    for (int i = 0; i < kept.length; i++) {
      if (kept[i].equals(field)) {
        return i;
      }
    }
    return -1;
  }

  private int fieldIndex(Object field) {
    for (int i = 0; i < allFields.length; i++) {
      if (allFields[i].equals(field)) {
        return i;
      }
    }
    return -1;
  }

  /** One row's kept values, decoded when asked for. */
  private final class Values extends AbstractMap<String, Object> {
    private final int row;

    Values(int row) {
      this.row = row;
    }

    @Override
    public Object get(Object key) {
      int i = keptIndex(key);
      return i < 0 ? null : columns[i].get(row);
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> all = new LinkedHashMap<>();
      for (int i = 0; i < kept.length; i++) {
        Object v = columns[i].get(row);
        if (v != null) {
          all.put(kept[i], v);
        }
      }
      return all.entrySet();
    }
  }

  /** One row's cell addresses, made when asked for. */
  private final class Cells extends AbstractMap<String, CellRef> {
    private final int sheetRow;

    Cells(int sheetRow) {
      this.sheetRow = sheetRow;
    }

    @Override
    public CellRef get(Object key) {
      int i = fieldIndex(key);
      return i < 0 ? null : new CellRef(sheet, sheetRow, allColumns[i]);
    }

    @Override
    public boolean containsKey(Object key) {
      return fieldIndex(key) >= 0;
    }

    @Override
    public Set<Entry<String, CellRef>> entrySet() {
      Map<String, CellRef> all = new LinkedHashMap<>();
      for (int i = 0; i < allFields.length; i++) {
        all.put(allFields[i], new CellRef(sheet, sheetRow, allColumns[i]));
      }
      return all.entrySet();
    }
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * One kept field: a tag and a number per row (an int until a value needs a long), decimal scales,
   * text in a UTF-8 pool where a repeated value is stored once.
   */
  private static final class Column {
    /** Distinct texts remembered for sharing; a column with more (an id, a note) stops sharing. */
    private static final int SHARED_TEXTS = 4096;
    private byte[] tags = new byte[1024];
    private int[] ints = new int[1024];
    private long[] longs;
    private byte[] scales;
    private byte[] pool = new byte[0];
    private int poolSize;
    private Map<String, Integer> shared = new HashMap<>();
    private Map<Integer, Object> others;

    void grow(int n) {
      tags = Arrays.copyOf(tags, n);
      if (longs != null) {
        longs = Arrays.copyOf(longs, n);
      } else {
        ints = Arrays.copyOf(ints, n);
      }
      if (scales != null) {
        scales = Arrays.copyOf(scales, n);
      }
    }

    private void number(int i, long x) {
      if (longs == null && x == (int) x) {
        ints[i] = (int) x;
        return;
      }
      if (longs == null) {
        longs = new long[ints.length];
        for (int k = 0; k < ints.length; k++) {
          longs[k] = ints[k];
        }
        ints = null;
      }
      longs[i] = x;
    }

    private long number(int i) {
      return longs != null ? longs[i] : ints[i];
    }

    void set(int i, Object v) {
      if (v == null) {
        tags[i] = NULL;
      } else if (v instanceof Long l) {
        tags[i] = LONG;
        number(i, l);
      } else if (v instanceof BigDecimal d && d.scale() >= Byte.MIN_VALUE && d.scale() <= Byte.MAX_VALUE
          && d.precision() <= 18) {
        if (scales == null) {
          scales = new byte[tags.length];
        }
        tags[i] = DECIMAL;
        number(i, d.scaleByPowerOfTen(d.scale()).longValue());
        scales[i] = (byte) d.scale();
      } else if (v instanceof String s) {
        tags[i] = TEXT;
        number(i, text(s));
      } else if (v instanceof LocalDate d) {
        tags[i] = DATE;
        number(i, d.toEpochDay());
      } else if (v instanceof YearMonth ym) {
        tags[i] = YEAR_MONTH;
        number(i, ym.getYear() * 12L + ym.getMonthValue() - 1);
      } else if (v instanceof Boolean b) {
        tags[i] = BOOLEAN;
        number(i, b ? 1 : 0);
      } else {
        tags[i] = OTHER;
        if (others == null) {
          others = new HashMap<>();
        }
        others.put(i, v);
      }
    }

    /** Where the text is in the pool: added, or the place of the same text seen before. */
    private int text(String s) {
      if (shared != null) {
        Integer at = shared.get(s);
        if (at != null) {
          return at;
        }
      }
      int at = poolSize;
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      ensurePool(poolSize + utf8.length + 5);
      int n = utf8.length;
      while (n >= 0x80) {
        pool[poolSize++] = (byte) (n | 0x80);
        n >>>= 7;
      }
      pool[poolSize++] = (byte) n;
      System.arraycopy(utf8, 0, pool, poolSize, utf8.length);
      poolSize += utf8.length;
      if (shared != null) {
        shared.put(s, at);
        if (shared.size() > SHARED_TEXTS) {
          shared = null;
        }
      }
      return at;
    }

    Object get(int i) {
      long x = number(i);
      return switch (tags[i]) {
        case LONG -> x;
        case DECIMAL -> BigDecimal.valueOf(x, scales[i]);
        case TEXT -> text((int) x);
        case DATE -> LocalDate.ofEpochDay(x);
        case YEAR_MONTH -> YearMonth.of((int) Math.floorDiv(x, 12), (int) Math.floorMod(x, 12) + 1);
        case BOOLEAN -> x != 0;
        case OTHER -> others.get(i);
        default -> null;
      };
    }

    private String text(int at) {
      int n = 0;
      int shift = 0;
      byte b;
      do {
        b = pool[at++];
        n |= (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      return new String(pool, at, n, StandardCharsets.UTF_8);
    }

    private void ensurePool(int needed) {
      if (needed > pool.length) {
        pool = Arrays.copyOf(pool, Math.max(needed, pool.length + (pool.length >> 1) + 1024));
      }
    }
  }
}
