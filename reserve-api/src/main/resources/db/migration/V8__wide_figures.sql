-- Figures in the read models and command-side lookups hold sums of many events, each bounded by the
-- ledger (USD 1e15, 1e9 t a movement), so their columns allow 36 digits before the point instead of 15 or 12.
-- Money keeps 2 decimals and tonnes 3. Checkpoint copies made with the old shape are no longer used.
do $$
declare
    col record;
begin
    for col in
        select c.table_name, c.column_name, c.numeric_scale
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema()
          and t.table_type = 'BASE TABLE'
          and c.data_type = 'numeric'
          and (c.numeric_precision, c.numeric_scale) in ((15, 3), (17, 2))
    loop
        execute format('alter table %I alter column %I type numeric(%s, %s)',
                       col.table_name, col.column_name, 36 + col.numeric_scale, col.numeric_scale);
    end loop;
end
$$;
