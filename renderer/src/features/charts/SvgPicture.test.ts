import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { breakdownSvg } from '../../../../shared/charts/breakdownSvg';
import { svgElements } from './SvgPicture';

/** Markup with React's spellings made plain: empty elements self-closed, entities decoded. */
const plain = (s: string) =>
  s
    .replace(/<(\w+)([^<>]*)><\/\1>/g, '<$1$2/>')
    .replace(/&(quot|#x27|apos|amp|lt|gt);/g, (_, e: string) => ({ quot: '"', '#x27': "'", apos: "'", amp: '&', lt: '<', gt: '>' })[e]!);

describe('svgElements', () => {
  it('draws on screen exactly the picture the backend writes out: same elements, attributes and text', () => {
    const picture = breakdownSvg(
      [
        { key: 'a', label: '工作动态信息', count: 42373 },
        { key: 'b', label: 'A&B<"其他">', count: 17445 },
        { key: 'c', label: '财政信息', count: 0 },
      ],
      { title: '主动公开政府信息分类情况', subtitle: '填报单位：遂宁市　统计期间：2017年', measure: '条' },
    );
    expect(plain(renderToStaticMarkup(svgElements(picture.tree)))).toBe(plain(picture.svg));
  });
});
