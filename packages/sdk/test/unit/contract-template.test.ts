import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/models/device-type/template.js';
import {
  calculateInstallMethod,
  interpolatePartials,
} from '../../src/models/device-type/contract.js';

describe('renderTemplate (the Handlebars subset of contract partials)', () => {
  const context = {
    name: 'Board <X>',
    deviceType: {
      partials: { steps: ['a', 'b'], empty: [] },
      media: { alt: ['usb_mass_storage'] },
    },
  };

  it('escapes {{path}} and leaves {{{path}}} raw', () => {
    expect(renderTemplate('{{name}} / {{{name}}}', context)).toBe('Board &lt;X&gt; / Board <X>');
  });

  it('loops with #each over this, and renders #if only for non-empty values', () => {
    expect(renderTemplate('{{#each deviceType.partials.steps}}[{{this}}]{{/each}}', context)).toBe(
      '[a][b]',
    );
    expect(renderTemplate('{{#if deviceType.partials.empty}}x{{/if}}y', context)).toBe('y');
    expect(renderTemplate('{{#if name}}x{{/if}}y', context)).toBe('xy');
  });

  it('reads array items with .[n], calls helpers, and renders unknown paths as nothing', () => {
    const helpers = { upper: (v: unknown) => String(v).toUpperCase() };
    expect(renderTemplate('{{upper deviceType.media.alt.[0]}}', context, helpers)).toBe(
      'USB_MASS_STORAGE',
    );
    expect(renderTemplate('<{{nope.missing}}>', context)).toBe('<>');
    expect(renderTemplate('{{{deviceType.partials.steps}}}', context)).toBe('a,b');
  });
});

describe('contract helpers', () => {
  it('splits rendered partials on newlines, trims them and drops blank lines', () => {
    const contract = {
      slug: 's',
      type: 'hw.device-type',
      name: 'N',
      partials: { p: ['one {{name}}\n\n  two  '] },
    };
    expect(interpolatePartials(contract).partials).toEqual({ p: ['one N', 'two'] });
  });

  it('maps flash protocols and boot media to install methods', () => {
    const contract = (data: Record<string, unknown>) => ({
      slug: 's',
      type: 'hw.device-type',
      data,
    });
    expect(calculateInstallMethod(contract({ flashProtocol: 'RPIBOOT' }))).toBe('internalFlash');
    expect(calculateInstallMethod(contract({ flashProtocol: 'jetsonFlash' }))).toBe('jetsonFlash');
    expect(calculateInstallMethod(contract({ media: { defaultBoot: 'image' } }))).toBe('image');
    expect(calculateInstallMethod(contract({ media: { defaultBoot: 'internal' } }))).toBe(
      'externalFlash',
    );
    expect(calculateInstallMethod(contract({ media: { defaultBoot: 'sdcard' } }))).toBe(
      'externalBoot',
    );
    expect(() => calculateInstallMethod(contract({}))).toThrow(/installation method/);
  });
});
