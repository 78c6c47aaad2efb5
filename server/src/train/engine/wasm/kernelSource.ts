/**
 * The WebAssembly text of the engine's SIMD kernels, generated so the register tiles are written once.
 * `scripts/gen-wasm-kernels.ts` compiles it (wabt) into kernels.generated.ts; only those bytes ship.
 *
 * Every pointer is a byte offset into the imported memory; every matrix is row-major float32.
 * `relaxed` swaps the tiles' multiply-add for f32x4.relaxed_madd; everything else is the same.
 */

/** Rows × vectors (of 4 columns) per register tile; each row-block size is tried before the next. */
export const TILES = { rows: [4, 2, 1], vectors: [2, 1, 0] };

function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}

/**
 * C[M×N] = bias + A·B, where A[i, p] sits at A + 4·(i·sam + p·sak) (any strides: its values are
 * broadcast one at a time) and B is [K×N]. Accumulation runs over p in order, so results are
 * deterministic for a given variant.
 */
function gemm(relaxed: boolean): string {
  const ROW_BLOCKS = TILES.rows;
  const VECTOR_BLOCKS = TILES.vectors;
  const madd = (s: string, b: string, acc: string): string =>
    relaxed ? `(f32x4.relaxed_madd ${s} ${b} ${acc})` : `(f32x4.add (f32x4.mul ${s} ${b}) ${acc})`;
  const maxR = Math.max(...ROW_BLOCKS);
  const maxV = Math.max(...VECTOR_BLOCKS);
  const locals = [
    ...range(maxR).map((r) => `(local $a${r} i32) (local $c${r} i32) (local $f${r} f32)`),
    ...range(maxR).flatMap((r) => range(maxV).map((v) => `(local $acc${r}_${v} v128)`)),
    ...range(maxV).map((v) => `(local $bv${v} v128)`),
  ].join(' ');

  const tile = (R: number, V: number): string => {
    const width = V === 0 ? 1 : 4 * V;
    const init = range(R)
      .map((r) => {
        if (V === 0)
          return `(local.set $f${r} (if (result f32) (local.get $bias) (then (f32.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))))) (else (f32.const 0))))`;
        return range(V)
          .map(
            (v) =>
              `(local.set $acc${r}_${v} (if (result v128) (local.get $bias) (then (v128.load offset=${16 * v} (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))))) (else (v128.const i32x4 0 0 0 0))))`,
          )
          .join('\n');
      })
      .join('\n');
    const pointers = range(R)
      .map(
        (r) =>
          `(local.set $a${r} (i32.add (local.get $A) (i32.mul (i32.add (local.get $i) (i32.const ${r})) (local.get $sam4))))`,
      )
      .join('\n');
    let step: string;
    if (V === 0) {
      step =
        `(local.set $s (f32x4.splat (f32.load (local.get $b))))\n` +
        range(R)
          .map(
            (r) =>
              `(local.set $f${r} (f32.add (f32.mul (f32.load (local.get $a${r})) (f32.load (local.get $b))) (local.get $f${r})))`,
          )
          .join('\n');
    } else {
      step =
        range(V)
          .map((v) => `(local.set $bv${v} (v128.load offset=${16 * v} (local.get $b)))`)
          .join('\n') +
        '\n' +
        range(R)
          .map(
            (r) =>
              `(local.set $s (f32x4.splat (f32.load (local.get $a${r}))))\n` +
              range(V)
                .map(
                  (v) =>
                    `(local.set $acc${r}_${v} ${madd('(local.get $s)', `(local.get $bv${v})`, `(local.get $acc${r}_${v})`)})`,
                )
                .join('\n'),
          )
          .join('\n');
    }
    const advance = range(R)
      .map((r) => `(local.set $a${r} (i32.add (local.get $a${r}) (local.get $sak4)))`)
      .join('\n');
    const stores = range(R)
      .map((r) => {
        const at = `(i32.add (local.get $C) (i32.shl (i32.add (i32.mul (i32.add (local.get $i) (i32.const ${r})) (local.get $N)) (local.get $j)) (i32.const 2)))`;
        if (V === 0) return `(f32.store ${at} (local.get $f${r}))`;
        return (
          `(local.set $c${r} ${at})\n` +
          range(V)
            .map((v) => `(v128.store offset=${16 * v} (local.get $c${r}) (local.get $acc${r}_${v}))`)
            .join('\n')
        );
      })
      .join('\n');
    return `
    (block $cols_done_${R}_${V} (loop $cols_${R}_${V}
      (br_if $cols_done_${R}_${V} (i32.gt_u (i32.add (local.get $j) (i32.const ${width})) (local.get $N)))
      ${init}
      ${pointers}
      (local.set $b (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $p (local.get $K))
      (block $k_done (loop $k
        (br_if $k_done (i32.eqz (local.get $p)))
        ${step}
        ${advance}
        (local.set $b (i32.add (local.get $b) (local.get $N4)))
        (local.set $p (i32.sub (local.get $p) (i32.const 1)))
        (br $k)))
      ${stores}
      (local.set $j (i32.add (local.get $j) (i32.const ${width})))
      (br $cols_${R}_${V})))`;
  };

  const rowBlocks = ROW_BLOCKS.map(
    (R) => `
  (block $rows_done_${R} (loop $rows_${R}
    (br_if $rows_done_${R} (i32.gt_u (i32.add (local.get $i) (i32.const ${R})) (local.get $M)))
    (local.set $j (i32.const 0))
    ${VECTOR_BLOCKS.map((V) => tile(R, V)).join('\n')}
    (local.set $i (i32.add (local.get $i) (i32.const ${R})))
    (br $rows_${R})))`,
  ).join('\n');

  return `
(func (export "gemm") (param $M i32) (param $N i32) (param $K i32) (param $A i32) (param $sam i32) (param $sak i32)
    (param $B i32) (param $C i32) (param $bias i32)
  (local $i i32) (local $j i32) (local $p i32) (local $b i32) (local $sam4 i32) (local $sak4 i32) (local $N4 i32) (local $s v128)
  ${locals}
  (local.set $sam4 (i32.shl (local.get $sam) (i32.const 2)))
  (local.set $sak4 (i32.shl (local.get $sak) (i32.const 2)))
  (local.set $N4 (i32.shl (local.get $N) (i32.const 2)))
  ${rowBlocks})`;
}

/**
 * An element-wise loop over n floats: four at a time, then one at a time. `vector` and `scalar` are the
 * bodies; `$k` is the byte offset of the current element.
 */
function elementwise(
  name: string,
  params: string,
  locals: string,
  vector: string,
  scalar: string,
  prologue = '',
): string {
  return `
(func (export "${name}") (param $n i32) ${params}
  (local $k i32) (local $end i32) (local $end4 i32) ${locals}
  ${prologue}
  (local.set $end (i32.shl (local.get $n) (i32.const 2)))
  (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
  (block $vd (loop $vl
    (br_if $vd (i32.ge_u (local.get $k) (local.get $end4)))
    ${vector}
    (local.set $k (i32.add (local.get $k) (i32.const 16)))
    (br $vl)))
  (block $sd (loop $sl
    (br_if $sd (i32.ge_u (local.get $k) (local.get $end)))
    ${scalar}
    (local.set $k (i32.add (local.get $k) (i32.const 4)))
    (br $sl))))`;
}

const at = (base: string): string => `(i32.add (local.get ${base}) (local.get $k))`;

/** value -= stepSize·m / (√v + eps) after the moment updates (Adam, bias correction folded into stepSize and eps). */
function adam(): string {
  const body = (t: 'f32x4' | 'f32', sfx: string): string => {
    const load = t === 'f32' ? 'f32.load' : 'v128.load';
    const store = t === 'f32' ? 'f32.store' : 'v128.store';
    const k = (x: string): string => (t === 'f32' ? `(local.get ${x})` : `(f32x4.splat (local.get ${x}))`);
    const g = `(local.get $g${sfx})`;
    return `
    (local.set $g${sfx} (${load} ${at('$grad')}))
    (local.set $m${sfx} (${t}.add (${t}.mul ${k('$b1')} (${load} ${at('$m')})) (${t}.mul ${k('$c1')} ${g})))
    (local.set $v${sfx} (${t}.add (${t}.mul ${k('$b2')} (${load} ${at('$v')})) (${t}.mul (${t}.mul ${k('$c2')} ${g}) ${g})))
    (${store} ${at('$m')} (local.get $m${sfx}))
    (${store} ${at('$v')} (local.get $v${sfx}))
    (${store} ${at('$value')} (${t}.sub (${load} ${at('$value')})
      (${t}.div (${t}.mul ${k('$step')} (local.get $m${sfx})) (${t}.add (${t}.sqrt (local.get $v${sfx})) ${k('$eps')}))))`;
  };
  return elementwise(
    'adam',
    '(param $value i32) (param $grad i32) (param $m i32) (param $v i32) (param $b1 f32) (param $c1 f32) (param $b2 f32) (param $c2 f32) (param $step f32) (param $eps f32)',
    '(local $gV v128) (local $mV v128) (local $vV v128) (local $gS f32) (local $mS f32) (local $vS f32)',
    body('f32x4', 'V'),
    body('f32', 'S'),
  );
}

function sgd(): string {
  return elementwise(
    'sgd',
    '(param $value i32) (param $grad i32) (param $lr f32)',
    '',
    `(v128.store ${at('$value')} (f32x4.sub (v128.load ${at('$value')}) (f32x4.mul (f32x4.splat (local.get $lr)) (v128.load ${at('$grad')}))))`,
    `(f32.store ${at('$value')} (f32.sub (f32.load ${at('$value')}) (f32.mul (local.get $lr) (f32.load ${at('$grad')}))))`,
  );
}

/** vel = mu·vel − lr·grad; value += vel. */
function momentum(): string {
  return elementwise(
    'momentum',
    '(param $value i32) (param $grad i32) (param $vel i32) (param $mu f32) (param $lr f32)',
    '(local $u v128) (local $us f32)',
    `(local.set $u (f32x4.sub (f32x4.mul (f32x4.splat (local.get $mu)) (v128.load ${at('$vel')})) (f32x4.mul (f32x4.splat (local.get $lr)) (v128.load ${at('$grad')}))))
    (v128.store ${at('$vel')} (local.get $u))
    (v128.store ${at('$value')} (f32x4.add (v128.load ${at('$value')}) (local.get $u)))`,
    `(local.set $us (f32.sub (f32.mul (local.get $mu) (f32.load ${at('$vel')})) (f32.mul (local.get $lr) (f32.load ${at('$grad')}))))
    (f32.store ${at('$vel')} (local.get $us))
    (f32.store ${at('$value')} (f32.add (f32.load ${at('$value')}) (local.get $us)))`,
  );
}

/** v = rho·v + c·g²; value -= lr·g / (√v + eps). */
function rmsprop(): string {
  return elementwise(
    'rmsprop',
    '(param $value i32) (param $grad i32) (param $v i32) (param $rho f32) (param $c f32) (param $lr f32) (param $eps f32)',
    '(local $g v128) (local $w v128) (local $gs f32) (local $ws f32)',
    `(local.set $g (v128.load ${at('$grad')}))
    (local.set $w (f32x4.add (f32x4.mul (f32x4.splat (local.get $rho)) (v128.load ${at('$v')})) (f32x4.mul (f32x4.mul (f32x4.splat (local.get $c)) (local.get $g)) (local.get $g))))
    (v128.store ${at('$v')} (local.get $w))
    (v128.store ${at('$value')} (f32x4.sub (v128.load ${at('$value')}) (f32x4.div (f32x4.mul (f32x4.splat (local.get $lr)) (local.get $g)) (f32x4.add (f32x4.sqrt (local.get $w)) (f32x4.splat (local.get $eps))))))`,
    `(local.set $gs (f32.load ${at('$grad')}))
    (local.set $ws (f32.add (f32.mul (local.get $rho) (f32.load ${at('$v')})) (f32.mul (f32.mul (local.get $c) (local.get $gs)) (local.get $gs))))
    (f32.store ${at('$v')} (local.get $ws))
    (f32.store ${at('$value')} (f32.sub (f32.load ${at('$value')}) (f32.div (f32.mul (local.get $lr) (local.get $gs)) (f32.add (f32.sqrt (local.get $ws)) (local.get $eps)))))`,
  );
}

/** dst[j] = Σᵢ src[i·N + j] over M rows, in row order (the bias gradient). */
function colsum(): string {
  return `
(func (export "colsum") (param $M i32) (param $N i32) (param $src i32) (param $dst i32)
  (local $i i32) (local $row i32) (local $N4 i32)
  (local.set $N4 (i32.shl (local.get $N) (i32.const 2)))
  (memory.fill (local.get $dst) (i32.const 0) (local.get $N4))
  (local.set $row (local.get $src))
  (block $done (loop $rows
    (br_if $done (i32.ge_u (local.get $i) (local.get $M)))
    (call $addInto (local.get $N) (local.get $dst) (local.get $row))
    (local.set $row (i32.add (local.get $row) (local.get $N4)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $rows))))
${elementwise(
  'addInto',
  '(param $dst i32) (param $src i32)',
  '',
  `(v128.store ${at('$dst')} (f32x4.add (v128.load ${at('$dst')}) (v128.load ${at('$src')})))`,
  `(f32.store ${at('$dst')} (f32.add (f32.load ${at('$dst')}) (f32.load ${at('$src')})))`,
).replace('(func (export "addInto")', '(func $addInto (export "addInto")')}`;
}

/** dst[c·rows + r] = src[r·cols + c]. */
function transpose(): string {
  return `
(func (export "transpose") (param $rows i32) (param $cols i32) (param $src i32) (param $dst i32)
  (local $r i32) (local $c i32) (local $s i32) (local $d i32) (local $rows4 i32)
  (local.set $rows4 (i32.shl (local.get $rows) (i32.const 2)))
  (local.set $s (local.get $src))
  (block $rd (loop $rl
    (br_if $rd (i32.ge_u (local.get $r) (local.get $rows)))
    (local.set $d (i32.add (local.get $dst) (i32.shl (local.get $r) (i32.const 2))))
    (local.set $c (i32.const 0))
    (block $cd (loop $cl
      (br_if $cd (i32.ge_u (local.get $c) (local.get $cols)))
      (f32.store (local.get $d) (f32.load (local.get $s)))
      (local.set $s (i32.add (local.get $s) (i32.const 4)))
      (local.set $d (i32.add (local.get $d) (local.get $rows4)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $cl)))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (br $rl))))`;
}

/** 1 when every one of n floats is finite: x − x is 0 for finite x and NaN otherwise. */
function allFinite(): string {
  return `
(func (export "allFinite") (param $n i32) (param $src i32) (result i32)
  (local $k i32) (local $end i32) (local $end4 i32) (local $acc v128) (local $x v128) (local $s f32)
  (local.set $end (i32.shl (local.get $n) (i32.const 2)))
  (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
  (block $vd (loop $vl
    (br_if $vd (i32.ge_u (local.get $k) (local.get $end4)))
    (local.set $x (v128.load (i32.add (local.get $src) (local.get $k))))
    (local.set $acc (f32x4.add (local.get $acc) (f32x4.sub (local.get $x) (local.get $x))))
    (local.set $k (i32.add (local.get $k) (i32.const 16)))
    (br $vl)))
  (local.set $s (f32.add (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
    (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
  (block $sd (loop $sl
    (br_if $sd (i32.ge_u (local.get $k) (local.get $end)))
    (local.set $s (f32.add (local.get $s) (f32.sub (f32.load (i32.add (local.get $src) (local.get $k))) (f32.load (i32.add (local.get $src) (local.get $k))))))
    (local.set $k (i32.add (local.get $k) (i32.const 4)))
    (br $sl)))
  (f32.eq (local.get $s) (f32.const 0)))`;
}

/** Σ x² over n floats, accumulated in float64 pairs (the gradient norms of the health checks). */
function sumSquares(): string {
  return `
(func (export "sumSquares") (param $n i32) (param $src i32) (result f64)
  (local $k i32) (local $end i32) (local $end4 i32) (local $lo v128) (local $hi v128) (local $x v128) (local $d v128) (local $s f64) (local $e f64)
  (local.set $end (i32.shl (local.get $n) (i32.const 2)))
  (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
  (block $vd (loop $vl
    (br_if $vd (i32.ge_u (local.get $k) (local.get $end4)))
    (local.set $x (v128.load (i32.add (local.get $src) (local.get $k))))
    (local.set $d (f64x2.promote_low_f32x4 (local.get $x)))
    (local.set $lo (f64x2.add (local.get $lo) (f64x2.mul (local.get $d) (local.get $d))))
    (local.set $d (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))))
    (local.set $hi (f64x2.add (local.get $hi) (f64x2.mul (local.get $d) (local.get $d))))
    (local.set $k (i32.add (local.get $k) (i32.const 16)))
    (br $vl)))
  (local.set $lo (f64x2.add (local.get $lo) (local.get $hi)))
  (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $lo)) (f64x2.extract_lane 1 (local.get $lo))))
  (block $sd (loop $sl
    (br_if $sd (i32.ge_u (local.get $k) (local.get $end)))
    (local.set $e (f64.promote_f32 (f32.load (i32.add (local.get $src) (local.get $k)))))
    (local.set $s (f64.add (local.get $s) (f64.mul (local.get $e) (local.get $e))))
    (local.set $k (i32.add (local.get $k) (i32.const 4)))
    (br $sl)))
  (local.get $s))`;
}

/** The whole module; memory comes from the host so each network owns one sized for its buffers. */
export function kernelSource(relaxed: boolean): string {
  return `(module
(import "env" "memory" (memory 1))
${gemm(relaxed)}
${transpose()}
${colsum()}
${adam()}
${sgd()}
${momentum()}
${rmsprop()}
${allFinite()}
${sumSquares()}
)
`;
}
