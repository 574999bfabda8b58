import { defineApi, SECOND_IDENTITY } from '../../engine/config/define.ts';

export default defineApi({
  name: 'semaphore',
  title: 'Semaphore UI authentication',
  baseUrlExample: 'https://semaphore.example.com/api',
  variables: [
    { name: 'SEMAPHORE_USERNAME', secret: false, required: true, mock: 'conformance-user' },
    { name: 'SEMAPHORE_PASSWORD', secret: true, required: true, mock: 'mock-password-0' },
    { name: 'SEMAPHORE_SECOND_USERNAME', secret: false, required: false, enables: SECOND_IDENTITY, mock: 'second-user' },
    { name: 'SEMAPHORE_SECOND_PASSWORD', secret: true, required: false, enables: SECOND_IDENTITY, mock: 'mock-password-2' },
    { name: 'SEMAPHORE_OIDC_PROVIDER', secret: false, required: false, enables: 'the OIDC sign-in and callback scenarios with a configured provider', mock: 'mysso' },
  ],
});
