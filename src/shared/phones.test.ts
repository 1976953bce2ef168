import { describe, expect, it } from 'vitest';
import { formatPhone, phoneNumber, toE164, toStoredPhone } from './phones.js';

describe('phone numbers', () => {
  it('stores Czech numbers written in any common way in E.164', () => {
    for (const typed of ['603 123 456', '603123456', '+420 603 123 456', '00420603123456', '+420 (603) 123-456', ' 603.123.456 ']) {
      expect(toStoredPhone(typed), typed).toBe('+420603123456');
    }
  });

  it('keeps foreign numbers with their country code, and an extension', () => {
    expect(toStoredPhone('+380 67 123 4567')).toBe('+380671234567');
    expect(toStoredPhone('+84 912 345 678')).toBe('+84912345678');
    expect(toStoredPhone('475 123 456 ext. 12')).toBe('+420475123456;ext=12');
  });

  it('refuses what is not a valid number', () => {
    for (const typed of ['123 456 789', '603 123', '+420 603 123 456 789', '+999 123 456', 'call me', '', '603 123 456 / 777 123 456']) {
      expect(toStoredPhone(typed), typed).toBeNull();
    }
  });

  it('shows Czech numbers nationally, others internationally, and older unparsed values as they are', () => {
    expect(formatPhone('+420603123456')).toBe('603 123 456');
    expect(formatPhone('+420475123456;ext=12')).toBe('475 123 456 ext. 12');
    expect(formatPhone('+380671234567')).toBe('+380 67 123 4567');
    expect(formatPhone('call the office')).toBe('call the office');
  });

  it('sends SMS to the E.164 number without the extension', () => {
    expect(toE164('603 123 456')).toBe('+420603123456');
    expect(toE164('+420475123456;ext=12')).toBe('+420475123456');
    expect(toE164('no number')).toBeNull();
  });

  it('is a schema whose value is the stored form', () => {
    expect(phoneNumber.parse(' 603 123 456 ')).toBe('+420603123456');
    expect(phoneNumber.safeParse('123 456 789').success).toBe(false);
    expect(phoneNumber.safeParse('1'.repeat(41)).success).toBe(false);
  });
});
